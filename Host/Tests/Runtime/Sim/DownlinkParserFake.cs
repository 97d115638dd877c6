using System.Linq;
using System.Text;
using System.Text.Json;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Host.Tests.Runtime.Sim;

/// <summary>A host-side IDownlinkParser (stands in for the protocol's reader) over System.Text.Json.</summary>
public sealed class DownlinkParserFake : IDownlinkParser
{
    private readonly OneJsonReader _ids = new OneJsonReader();

    /// <summary>The firmware's own id scan: what it recovers decides which bad requests get an error reply.</summary>
    public string RecoverId(byte[] payload, int count) => _ids.ScanId(payload, 0, count) ? _ids.IdText() : null;

    public bool Parse(DownlinkKind kind, byte[] payload, int count, DownlinkMessage m)
    {
        m.Clear();
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(payload, 0, count));
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return false;
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out JsonElement id)
            || id.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        m.Id = id.GetString();
        // As the real parser: the id as a number when it is 1–13 digits (replies are matched by it).
        string text = m.Id;
        m.IdNumber = text.Length is >= 1 and <= OneJsonReader.MaxIdDigits && text.All(char.IsAsciiDigit) ? long.Parse(text) : -1;
        if (kind == DownlinkKind.PostReply || kind == DownlinkKind.DesiredGetReply || kind == DownlinkKind.DesiredDeleteReply)
        {
            if (!root.TryGetProperty("code", out JsonElement code) || code.ValueKind != JsonValueKind.Number)
            {
                return false;
            }
            m.Code = code.GetInt32();
            m.Msg = root.TryGetProperty("msg", out JsonElement msg) ? msg.GetString() : null;
            if (kind == DownlinkKind.DesiredGetReply && root.TryGetProperty("data", out JsonElement data))
            {
                foreach (JsonProperty p in data.EnumerateObject())
                {
                    if (m.Count == m.Capacity || !p.Value.TryGetProperty("value", out JsonElement v))
                    {
                        return false;
                    }
                    Put(m, p.Name, v);
                    m.Versions[m.Count - 1] = p.Value.TryGetProperty("version", out JsonElement version) && version.TryGetInt64(out long n) ? n : -1;
                }
            }
            return true;
        }
        if (!root.TryGetProperty("params", out JsonElement parameters))
        {
            return kind == DownlinkKind.ServiceInvoke;
        }
        if (kind == DownlinkKind.PropertyGet)
        {
            if (parameters.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            foreach (JsonElement name in parameters.EnumerateArray())
            {
                if (m.Count == m.Capacity || name.ValueKind != JsonValueKind.String)
                {
                    return false;
                }
                m.Names[m.Count] = name.GetString();
                m.Kinds[m.Count++] = DownlinkMessage.None;
            }
            return true;
        }
        if (parameters.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        foreach (JsonProperty p in parameters.EnumerateObject())
        {
            if (m.Count == m.Capacity)
            {
                return false;
            }
            Put(m, p.Name, p.Value);
        }
        return true;
    }

    private static void Put(DownlinkMessage m, string name, JsonElement v)
    {
        m.Names[m.Count] = name;
        (m.Kinds[m.Count], m.Numbers[m.Count]) = v.ValueKind switch
        {
            JsonValueKind.Number => (DownlinkMessage.Number, v.GetDouble()),
            JsonValueKind.True => (DownlinkMessage.Bool, 1.0),
            JsonValueKind.False => (DownlinkMessage.Bool, 0.0),
            // As the reader: a quoted number or "true"/"false" counts as the value it spells.
            JsonValueKind.String when v.GetString() is "true" or "false" => (DownlinkMessage.Bool, v.GetString() == "true" ? 1.0 : 0.0),
            JsonValueKind.String when IsJsonNumber(v.GetString()) => (DownlinkMessage.Number, double.Parse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture)),
            JsonValueKind.String => (DownlinkMessage.Text, 0.0),
            _ => (DownlinkMessage.Other, 0.0),
        };
        m.Versions[m.Count] = -1;
        m.Count++;
    }

    private static bool IsJsonNumber(string s) =>
        System.Text.RegularExpressions.Regex.IsMatch(s, "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?\\z");
}
