using System.Globalization;
using System.Text;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Host.Tests.Runtime.Sim;

/// <summary>A host-side IOneJsonWriter (stands in for the protocol's writer): plain OneJSON built as text.</summary>
public sealed class JsonWriterFake : IOneJsonWriter
{
    public int WritePropertyPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points)
    {
        var sb = new StringBuilder().Append("{\"id\":\"").Append(postId).Append("\",\"version\":\"1.0\",\"params\":{");
        for (int i = 0; i < points.Count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append('"').Append(properties.Identifier(points.Property[i])).Append("\":");
            Point(sb, properties, points, i);
        }
        return Put(buffer, sb.Append("}}"));
    }

    public int WriteHistoryPost(byte[] buffer, int postId, PropertyTable properties, PointBatch points)
    {
        var sb = new StringBuilder().Append("{\"id\":\"").Append(postId).Append("\",\"version\":\"1.0\",\"params\":[{\"properties\":{");
        for (int i = 0; i < points.Count; i++)
        {
            bool first = i == 0 || points.Property[i - 1] != points.Property[i];
            bool last = i == points.Count - 1 || points.Property[i + 1] != points.Property[i];
            if (first)
            {
                sb.Append(i == 0 ? "" : ",").Append('"').Append(properties.Identifier(points.Property[i])).Append("\":[");
            }
            else
            {
                sb.Append(',');
            }
            Point(sb, properties, points, i);
            if (last)
            {
                sb.Append(']');
            }
        }
        return Put(buffer, sb.Append("}}]}"));
    }

    public int WriteDiagnosticsPost(byte[] buffer, int postId, DiagnosticsSnapshot d)
    {
        string json = $"{{\"id\":\"{postId}\",\"version\":\"1.0\",\"params\":{{\"diag_uptime\":{{\"value\":{d.UptimeSeconds}}}," +
            $"\"diag_boots\":{{\"value\":{d.BootCount}}},\"diag_connects\":{{\"value\":{d.MqttConnects}}}," +
            $"\"diag_auth_failures\":{{\"value\":{d.AuthFailures}}},\"diag_outbox_dropped\":{{\"value\":{d.OutboxDropped}}}," +
            $"\"diag_reset\":{{\"value\":\"{d.LastResetReason}\"}}}}}}";
        return Put(buffer, new StringBuilder(json));
    }

    public int WriteReply(byte[] buffer, string requestId, int code, string message) =>
        Put(buffer, new StringBuilder($"{{\"id\":\"{requestId}\",\"code\":{code},\"msg\":\"{message}\"}}"));

    public int WriteGetReply(byte[] buffer, string requestId, PropertyTable properties, PointBatch points)
    {
        var sb = new StringBuilder($"{{\"id\":\"{requestId}\",\"code\":200,\"msg\":\"success\",\"data\":{{");
        for (int i = 0; i < points.Count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append('"').Append(properties.Identifier(points.Property[i])).Append("\":")
              .Append(Value(properties, points.Property[i], points.Value[i]));
        }
        return Put(buffer, sb.Append("}}"));
    }

    public int WriteEventPost(byte[] buffer, int postId, EventTable events, int eventIndex, bool value, long utcMs)
    {
        string time = utcMs == ReadingTime.None ? "" : $",\"time\":{utcMs}";
        return Put(buffer, new StringBuilder($"{{\"id\":\"{postId}\",\"version\":\"1.0\",\"params\":{{\"{events.Identifier(eventIndex)}\":" +
            $"{{\"value\":{{\"{events.Parameter(eventIndex)}\":{(value ? "true" : "false")}}}{time}}}}}}}"));
    }

    public int WriteDesiredGet(byte[] buffer, int requestId, PropertyTable properties, int[] indexes, int count)
    {
        var sb = new StringBuilder($"{{\"id\":\"{requestId}\",\"version\":\"1.0\",\"params\":[");
        for (int i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append('"').Append(properties.Identifier(indexes[i])).Append('"');
        }
        return Put(buffer, sb.Append("]}"));
    }

    public int WriteDesiredDelete(byte[] buffer, int requestId, PropertyTable properties, int[] indexes, long[] versions, int count)
    {
        var sb = new StringBuilder($"{{\"id\":\"{requestId}\",\"version\":\"1.0\",\"params\":{{");
        for (int i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append('"').Append(properties.Identifier(indexes[i])).Append("\":")
              .Append(versions[i] >= 1 ? $"{{\"version\":{versions[i]}}}" : "{}");
        }
        return Put(buffer, sb.Append("}}"));
    }

    private static void Point(StringBuilder sb, PropertyTable properties, PointBatch points, int i)
    {
        sb.Append("{\"value\":").Append(Value(properties, points.Property[i], points.Value[i]));
        if (points.HasTime[i])
        {
            sb.Append(",\"time\":").Append(points.UtcMilliseconds[i]);
        }
        sb.Append('}');
    }

    private static string Value(PropertyTable properties, int index, double value) =>
        properties.Kind(index) == PropertyKind.Bool ? (value != 0 ? "true" : "false")
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static int Put(byte[] buffer, StringBuilder sb)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
        if (bytes.Length > buffer.Length)
        {
            return -1;
        }
        bytes.CopyTo(buffer, 0);
        return bytes.Length;
    }
}
