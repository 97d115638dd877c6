using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using MQTTnet;
using MQTTnet.Formatter;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// OneNET's part on a plain broker (Mosquitto has no OneNET semantics): an MQTTnet client subscribed to every device's
/// property and history posts that answers each with {"id":…,"code":200,"msg":"success"} on its /reply topic, as the
/// platform does, and records the points it received (in arrival order, stamped with the test's clock).
/// </summary>
public sealed class PlatformResponder(int port, Func<long> utcNowMs) : IDisposable
{
    private readonly List<ReceivedPoint> _points = new();
    private IMqttClient _client;

    public IReadOnlyList<ReceivedPoint> Points
    {
        get { lock (_points) return _points.ToArray(); }
    }

    /// <summary>Connects and subscribes (again after a broker restart); throws if the broker does not accept it.</summary>
    public void Connect()
    {
        _client?.Dispose();
        _client = new MqttClientFactory().CreateMqttClient();
        IMqttClient client = _client;
        client.ApplicationMessageReceivedAsync += async e =>
        {
            string topic = e.ApplicationMessage.Topic;
            string id = Record(topic, e.ApplicationMessage.Payload.ToArray());
            if (id == null) return;
            var reply = new MqttApplicationMessageBuilder().WithTopic(topic + "/reply")
                .WithPayload(Encoding.UTF8.GetBytes("{\"id\":\"" + id + "\",\"code\":200,\"msg\":\"success\"}")).Build();
            await client.PublishAsync(reply);
        };
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("platform-responder")
            .WithProtocolVersion(MqttProtocolVersion.V311).WithCleanSession(true).WithTimeout(TimeSpan.FromSeconds(5)).Build();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        client.ConnectAsync(options, cts.Token).GetAwaiter().GetResult();
        client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("$sys/+/+/thing/property/post")
            .WithTopicFilter("$sys/+/+/thing/history/post")
            .Build(), cts.Token).GetAwaiter().GetResult();
    }

    /// <summary>Keeps the points of a post; returns its id (null for a payload that is not a OneJSON post).</summary>
    private string Record(string topic, byte[] payload)
    {
        bool history = topic.EndsWith("/history/post", StringComparison.Ordinal);
        long now = utcNowMs();
        var points = new List<ReceivedPoint>();
        try
        {
            using JsonDocument doc = JsonDocument.Parse(payload);
            JsonElement root = doc.RootElement;
            string id = root.GetProperty("id").GetString();
            JsonElement parameters = root.GetProperty("params");
            if (history)
            {
                foreach (JsonElement entry in parameters.EnumerateArray())
                {
                    foreach (JsonProperty property in entry.GetProperty("properties").EnumerateObject())
                    {
                        foreach (JsonElement point in property.Value.EnumerateArray()) points.Add(Point(property.Name, point, true, now));
                    }
                }
            }
            else
            {
                foreach (JsonProperty property in parameters.EnumerateObject()) points.Add(Point(property.Name, property.Value, false, now));
            }
            lock (_points) _points.AddRange(points);
            return id;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static ReceivedPoint Point(string identifier, JsonElement point, bool history, long now) =>
        new(identifier, point.TryGetProperty("time", out JsonElement t) ? t.GetInt64() : -1, Delivery.Number(point.GetProperty("value")), history, now);

    public void Dispose() => _client?.Dispose();
}
