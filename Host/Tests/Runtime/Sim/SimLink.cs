using OneNetFirmware.Host.Simulation;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Tests.Runtime.Sim;

/// <summary>
/// The scripted MQTT link and the simulated OneNET behind it: it decides what CONNECT returns, kicks sessions,
/// stores the points of every accepted post and answers with …/reply (lost, slow or rejected as the plan says).
/// </summary>
public sealed class SimLink(VirtualClock clock, FaultPlan faults, string prefix) : IMqttLink
{
    public sealed record Point(string Identifier, double Value, long? Time, string Topic);
    /// <summary>An accepted event/post: the event identifier, its value object and time, and the post id.</summary>
    public sealed record Event(string Identifier, JsonElement Value, long? Time, string PostId);

    public readonly List<long> ConnectAttempts = new();
    public readonly List<int> ConnectResults = new();
    public readonly List<string> Passwords = new();
    public readonly List<Point> Points = new();
    public readonly List<Event> Events = new();
    /// <summary>When set, event posts are answered with this code (null = the fault plan's loss, rejection and latency).</summary>
    public int? EventReplyCode;
    /// <summary>When true, event posts get no reply at all.</summary>
    public bool LoseEventReplies;
    public readonly List<(long At, string Topic)> Uplinks = new();
    public readonly List<(string Topic, JsonElement Json)> Replies = new();
    /// <summary>The platform's desired values; their versions are in DesiredVersions (1 when not set there).</summary>
    public readonly Dictionary<string, JsonElement> Desired = new();
    public readonly Dictionary<string, long> DesiredVersions = new();
    public int DesiredGets;
    /// <summary>The params of every desired/delete the node sent, as JSON text.</summary>
    public readonly List<string> DesiredDeletes = new();
    /// <summary>When true, desired/delete requests are carried out but never answered.</summary>
    public bool LoseDesiredDeleteReplies;
    /// <summary>CONNECT and SUBSCRIBE calls (the link's blocking calls).</summary>
    public int BlockingCalls;
    public int RejectedPosts;
    public int MaxPendingDeliveries;
    private readonly List<(long Due, int Session, string Topic, byte[] Payload)> _deliveries = new();
    private IMqttLinkListener _listener;
    private bool _connected;
    private long _connectedAt;
    private int _session;

    public bool IsConnected => _connected;
    public void SetListener(IMqttLinkListener listener) => _listener = listener;

    public int Connect(MqttConnectOptions options)
    {
        long now = clock.NowMilliseconds;
        BlockingCalls++;
        ConnectAttempts.Add(now);
        Passwords.Add(options.Password);
        int result = Decide(now, options);
        clock.Advance(result == ConnectResult.NetworkError ? faults.ConnectFailDurationMs : faults.ConnectDurationMs);
        ConnectResults.Add(result);
        if (result == ConnectResult.Accepted)
        {
            _connected = true;
            _session++;
            _connectedAt = clock.NowMilliseconds;
        }
        return result;
    }

    private int Decide(long now, MqttConnectOptions options)
    {
        if (faults.NetworkDown(now) || faults.BrokerDown(now))
        {
            return ConnectResult.NetworkError;
        }
        long expires = ExpiresAt(options.Password);
        if (expires < 0 || expires * 1000 <= clock.UtcUnixMilliseconds)
        {
            return ConnectResult.NotAuthorized; // an expired or missing token
        }
        return faults.AuthRejected(now) ? ConnectResult.NotAuthorized : ConnectResult.Accepted;
    }

    /// <summary>The expiry (Unix s) of a SimTokens "tok:{et}" or a real OneNET token's et; -1 when there is none.</summary>
    private static long ExpiresAt(string password)
    {
        if (password == null)
        {
            return -1;
        }
        if (password.StartsWith("tok:"))
        {
            return long.Parse(password.Substring(4));
        }
        var match = System.Text.RegularExpressions.Regex.Match(password, "^version=2018-10-31&res=[^&]+&et=([0-9]+)&method=[a-z0-9]+&sign=[^&]+$");
        return match.Success ? long.Parse(match.Groups[1].Value) : -1;
    }

    /// <summary>Filters the broker refuses (SUBACK 0x80); every SUBSCRIBE request as sent.</summary>
    public readonly HashSet<string> RefusedFilters = new();
    public readonly List<string[]> SubscribeRequests = new();

    public bool Subscribe(string[] topicFilters)
    {
        BlockingCalls++;
        SubscribeRequests.Add(topicFilters);
        clock.Advance(100);
        return _connected && !topicFilters.Any(RefusedFilters.Contains);
    }

    public void Disconnect() => _connected = false;

    public bool Publish(string topic, byte[] payload, int count, int qos)
    {
        if (!_connected)
        {
            return false;
        }
        long now = clock.NowMilliseconds;
        Uplinks.Add((now, topic));
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(payload, 0, count));
        JsonElement root = doc.RootElement.Clone();
        string id = root.GetProperty("id").GetString();
        string rest = topic.Substring(prefix.Length);
        if (rest == "property/post" || rest == "history/post")
        {
            bool lost = faults.Random.NextDouble() < faults.ReplyLoss;
            bool rejected = faults.Random.NextDouble() < faults.ReplyRejection;
            if (rejected)
            {
                RejectedPosts++;
            }
            else
            {
                Store(rest, root.GetProperty("params"));
            }
            if (!lost)
            {
                int latency = faults.Random.NextDouble() < faults.SlowReplyRate ? faults.SlowReplyMs : faults.ReplyLatencyMs;
                string reply = rejected
                    ? $"{{\"id\":\"{id}\",\"code\":2402,\"msg\":\"request format error\"}}"
                    : $"{{\"id\":\"{id}\",\"code\":200,\"msg\":\"success\"}}";
                Schedule(now + latency, rest + "/reply", reply);
            }
        }
        else if (rest == "event/post")
        {
            bool planned = EventReplyCode == null;
            bool lost = LoseEventReplies || (planned && faults.Random.NextDouble() < faults.ReplyLoss);
            int code = EventReplyCode ?? (faults.Random.NextDouble() < faults.ReplyRejection ? 2402 : 200);
            if (code == 200)
            {
                foreach (JsonProperty p in root.GetProperty("params").EnumerateObject())
                {
                    Events.Add(new Event(p.Name, p.Value.GetProperty("value"), TimeOf(p.Value), id));
                }
            }
            if (!lost)
            {
                int latency = planned && faults.Random.NextDouble() < faults.SlowReplyRate ? faults.SlowReplyMs : faults.ReplyLatencyMs;
                Schedule(now + latency, "event/post/reply",
                    $"{{\"id\":\"{id}\",\"code\":{code},\"msg\":\"{(code == 200 ? "success" : "request format error")}\"}}");
            }
        }
        else if (rest == "property/desired/get")
        {
            DesiredGets++;
            var data = new Dictionary<string, object>();
            foreach (var (key, value) in Desired)
            {
                data[key] = new Dictionary<string, object> { ["value"] = value, ["version"] = DesiredVersions.GetValueOrDefault(key, 1) };
            }
            string reply = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = id, ["code"] = 200, ["msg"] = "success", ["data"] = data,
            });
            Schedule(now + faults.ReplyLatencyMs, "property/desired/get/reply", reply);
        }
        else if (rest == "property/desired/delete")
        {
            // As OneNET: {} deletes whatever the version; {"version":v} only while the platform's version is still v.
            JsonElement parameters = root.GetProperty("params");
            DesiredDeletes.Add(parameters.GetRawText());
            foreach (JsonProperty p in parameters.EnumerateObject())
            {
                bool versioned = p.Value.TryGetProperty("version", out JsonElement v);
                if (!versioned || v.GetInt64() == DesiredVersions.GetValueOrDefault(p.Name, 1))
                {
                    Desired.Remove(p.Name);
                    DesiredVersions.Remove(p.Name);
                }
            }
            if (!LoseDesiredDeleteReplies)
            {
                Schedule(now + faults.ReplyLatencyMs, "property/desired/delete/reply", $"{{\"id\":\"{id}\",\"code\":200,\"msg\":\"success\"}}");
            }
        }
        else
        {
            Replies.Add((rest, root));
        }
        return true;
    }

    private void Store(string rest, JsonElement parameters)
    {
        if (rest == "property/post")
        {
            foreach (JsonProperty p in parameters.EnumerateObject())
            {
                Points.Add(new Point(p.Name, ValueOf(p.Value.GetProperty("value")), TimeOf(p.Value), rest));
            }
            return;
        }
        foreach (JsonElement block in parameters.EnumerateArray())
        {
            foreach (JsonProperty p in block.GetProperty("properties").EnumerateObject())
            {
                if (p.Value.GetArrayLength() > 100)
                {
                    throw new InvalidOperationException("more than 100 points for " + p.Name);
                }
                foreach (JsonElement point in p.Value.EnumerateArray())
                {
                    Points.Add(new Point(p.Name, ValueOf(point.GetProperty("value")), TimeOf(point), rest));
                }
            }
        }
    }

    private static double ValueOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        JsonValueKind.Number => e.GetDouble(),
        _ => double.NaN,
    };

    private static long? TimeOf(JsonElement e) => e.TryGetProperty("time", out JsonElement t) ? t.GetInt64() : null;

    /// <summary>Sends a downlink from the "platform" to the node at the current time.</summary>
    public void Inject(string topicSuffix, string payload) => Schedule(clock.NowMilliseconds, topicSuffix, payload);

    /// <summary>Sends a downlink on a topic outside …/thing/ (e.g. $sys/{pid}/{dev}/ota/inform) at the current time.</summary>
    public void InjectOnTopic(string topic, string payload) =>
        _deliveries.Add((clock.NowMilliseconds, _session, topic, Encoding.UTF8.GetBytes(payload)));

    private void Schedule(long due, string topicSuffix, string payload)
    {
        _deliveries.Add((due, _session, prefix + topicSuffix, Encoding.UTF8.GetBytes(payload)));
        MaxPendingDeliveries = Math.Max(MaxPendingDeliveries, _deliveries.Count);
    }

    /// <summary>Runs the broker side for the current time: drops kicked or broken sessions, delivers due messages.</summary>
    public void Tick()
    {
        long now = clock.NowMilliseconds;
        if (_connected && (faults.NetworkDown(now) || faults.BrokerDown(now)
            || (faults.Kicking(now) && now - _connectedAt >= faults.KickAfterMs)))
        {
            _connected = false;
            _listener.OnConnectionLost();
        }
        for (int i = 0; i < _deliveries.Count; i++)
        {
            var d = _deliveries[i];
            if (d.Session != _session || !_connected)
            {
                if (d.Session != _session || d.Due <= now)
                {
                    _deliveries.RemoveAt(i--); // QoS 0: lost with its session
                }
                continue;
            }
            if (d.Due <= now)
            {
                _deliveries.RemoveAt(i--);
                _listener.OnMessage(d.Topic, d.Payload);
            }
        }
    }
}
