using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Node
{
    /// <summary>
    /// Wraps the node's MQTT link and watches what crosses it — property posts and their values, event posts, OneNET's
    /// replies, downlinks — for the host's live view and run summary. It changes nothing that passes through.
    /// </summary>
    public sealed class MonitoredLink : IMqttLink, IMqttLinkListener
    {
        private const int RecentDownlinks = 5;
        private const int RecentEventCount = 5;
        private readonly IMqttLink _inner;
        private readonly object _lock = new();
        private readonly SortedDictionary<string, string> _latest = new(StringComparer.Ordinal);
        private readonly Queue<string> _downlinks = new();
        private readonly Queue<string> _events = new();
        private IMqttLinkListener _listener;

        public MonitoredLink(IMqttLink inner)
        {
            _inner = inner;
        }

        public int Connects { get; private set; }
        public int ConnectRefusals { get; private set; }
        public int PropertyPosts { get; private set; }
        public int HistoryPosts { get; private set; }
        public int EventPosts { get; private set; }
        public int ValuesPosted { get; private set; }
        public int RepliesOk { get; private set; }
        public int RepliesFailed { get; private set; }
        public int Downlinks { get; private set; }

        public bool IsConnected => _inner.IsConnected;

        /// <summary>The latest value posted per identifier (as JSON text).</summary>
        public KeyValuePair<string, string>[] LatestValues()
        {
            lock (_lock) return new List<KeyValuePair<string, string>>(_latest).ToArray();
        }

        public string[] RecentDownlinkLines()
        {
            lock (_lock) return _downlinks.ToArray();
        }

        /// <summary>The latest event posts, one line each: time, identifier and value object.</summary>
        public string[] RecentEventLines()
        {
            lock (_lock) return _events.ToArray();
        }

        public void SetListener(IMqttLinkListener listener)
        {
            _listener = listener;
            _inner.SetListener(this);
        }

        public int Connect(MqttConnectOptions options)
        {
            int code = _inner.Connect(options);
            lock (_lock)
            {
                if (code == ConnectResult.Accepted) Connects++;
                else ConnectRefusals++;
            }
            return code;
        }

        public bool Subscribe(string[] topicFilters) => _inner.Subscribe(topicFilters);

        public bool Publish(string topic, byte[] payload, int count, int qos)
        {
            bool sent = _inner.Publish(topic, payload, count, qos);
            if (sent) Observe(topic, payload, count);
            return sent;
        }

        public void Disconnect() => _inner.Disconnect();

        public void OnMessage(string topic, byte[] payload)
        {
            ObserveIncoming(topic, payload);
            _listener?.OnMessage(topic, payload);
        }

        public void OnConnectionLost() => _listener?.OnConnectionLost();

        private void Observe(string topic, byte[] payload, int count)
        {
            bool property = topic.EndsWith("/thing/property/post", StringComparison.Ordinal);
            bool history = topic.EndsWith("/thing/history/post", StringComparison.Ordinal);
            bool evt = topic.EndsWith("/thing/event/post", StringComparison.Ordinal);
            if (!property && !history && !evt) return;
            lock (_lock)
            {
                if (evt)
                {
                    EventPosts++;
                    ObserveEvent(payload, count);
                    return;
                }
                if (history)
                {
                    HistoryPosts++;
                    return;
                }
                PropertyPosts++;
                try
                {
                    using JsonDocument doc = JsonDocument.Parse(new ReadOnlyMemory<byte>(payload, 0, count));
                    foreach (JsonProperty p in doc.RootElement.GetProperty("params").EnumerateObject())
                    {
                        ValuesPosted++;
                        _latest[p.Name] = p.Value.TryGetProperty("value", out JsonElement v) ? v.GetRawText() : p.Value.GetRawText();
                    }
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    // Not ours to judge: the emulator or OneNET answers malformed posts.
                }
            }
        }

        private void ObserveEvent(byte[] payload, int count)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(new ReadOnlyMemory<byte>(payload, 0, count));
                foreach (JsonProperty p in doc.RootElement.GetProperty("params").EnumerateObject())
                {
                    string at = p.Value.TryGetProperty("time", out JsonElement t) && t.TryGetInt64(out long ms)
                        ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("HH:mm:ss.f") : "--:--:--";
                    string value = p.Value.TryGetProperty("value", out JsonElement v) ? v.GetRawText() : "?";
                    _events.Enqueue(at + " " + p.Name + " " + value);
                    while (_events.Count > RecentEventCount) _events.Dequeue();
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // Not ours to judge, as for property posts.
            }
        }

        private void ObserveIncoming(string topic, byte[] payload)
        {
            lock (_lock)
            {
                if (topic.EndsWith("/post/reply", StringComparison.Ordinal))
                {
                    try
                    {
                        using JsonDocument doc = JsonDocument.Parse(payload);
                        if (doc.RootElement.TryGetProperty("code", out JsonElement code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() == 200) RepliesOk++;
                        else RepliesFailed++;
                    }
                    catch (JsonException)
                    {
                        RepliesFailed++;
                    }
                    return;
                }
                if (topic.Contains("/reply", StringComparison.Ordinal)) return;
                Downlinks++;
                int thing = topic.IndexOf("/thing/", StringComparison.Ordinal);
                string kind = thing >= 0 ? topic.Substring(thing + 7) : topic;
                string text = Encoding.UTF8.GetString(payload);
                _downlinks.Enqueue(DateTime.UtcNow.ToString("HH:mm:ss") + " " + kind + " " + (text.Length > 80 ? text.Substring(0, 77) + "..." : text));
                while (_downlinks.Count > RecentDownlinks) _downlinks.Dequeue();
            }
        }
    }
}
