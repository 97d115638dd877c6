using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// The diagnostics properties exactly as the node posts them: the node's own writer (OneJsonPayloadWriter) writes a
    /// diagnostics post once with every DiagnosticsSnapshot field at its default and once per field with only that field
    /// changed; the identifiers in the post are the model's, and the one that changed with a field takes that field's
    /// type (int → int32, long → int64, float/double → float, bool, string; a per-sensor int[] → int32 for each sensor).
    /// A renamed identifier or a retyped field therefore reaches the model without editing anything here; Describe only
    /// adds units, ranges and words.
    /// </summary>
    public static class DiagnosticsModel
    {
        public sealed record Entry(string Identifier, string Field, string Description, JsonObject DataType);

        /// <summary>The diagnostics of a node with this many configured sensors (the per-sensor ones included).</summary>
        public static IReadOnlyList<Entry> Probe(int sensors)
        {
            FieldInfo[] fields = typeof(DiagnosticsSnapshot).GetFields(BindingFlags.Public | BindingFlags.Instance);
            var writer = new OneJsonPayloadWriter();
            JsonObject baseline = Write(writer, new DiagnosticsSnapshot(sensors));
            var fieldOf = new Dictionary<string, FieldInfo>(StringComparer.Ordinal);
            foreach (FieldInfo field in fields)
            {
                // The per-sensor identifier arrays name points; they hold no value to probe.
                if (field.FieldType == typeof(string[])) continue;
                var snapshot = new DiagnosticsSnapshot(sensors);
                field.SetValue(snapshot, Marker(field.FieldType, sensors));
                JsonObject changed = Write(writer, snapshot);
                foreach (KeyValuePair<string, JsonNode> pair in changed)
                {
                    if (!JsonNode.DeepEquals(pair.Value, baseline[pair.Key])) fieldOf.TryAdd(pair.Key, field);
                }
            }
            var entries = new List<Entry>();
            foreach (KeyValuePair<string, JsonNode> pair in baseline)
            {
                fieldOf.TryGetValue(pair.Key, out FieldInfo field);
                JsonNode value = pair.Value?["value"];
                entries.Add(new Entry(pair.Key, field?.Name, Describe(field?.Name).Text, DataType(field?.FieldType, value, Describe(field?.Name))));
            }
            return entries;
        }

        private static JsonObject Write(OneJsonPayloadWriter writer, DiagnosticsSnapshot snapshot)
        {
            var buffer = new byte[8192];
            int length = writer.WriteDiagnosticsPost(buffer, 1, snapshot);
            if (length <= 0) throw new InvalidOperationException("the diagnostics post did not fit 8 KB");
            JsonNode post = JsonNode.Parse(buffer.AsSpan(0, length));
            return post?["params"] as JsonObject ?? throw new InvalidOperationException("the diagnostics post has no params object");
        }

        private static object Marker(Type type, int sensors)
        {
            if (type == typeof(int[])) return Enumerable.Repeat(7, sensors).ToArray();
            if (type == typeof(bool)) return true;
            if (type == typeof(string)) return "x";
            if (type == typeof(double)) return 7.5;
            if (type == typeof(float)) return 7.5f;
            return Convert.ChangeType(7, type);
        }

        private static JsonObject DataType(Type field, JsonNode value, Description d)
        {
            if (field == typeof(bool) || value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return NodeThingModel.Bool();
            if (field == typeof(string) || value?.GetValueKind() == JsonValueKind.String)
            {
                return new JsonObject { ["type"] = "string", ["specs"] = new JsonObject { ["length"] = "255" } };
            }
            if (field == typeof(double) || field == typeof(float)) return NodeThingModel.Numeric("float", d.Min, d.Max, "0.01", d.Unit);
            if (field == typeof(long)) return NodeThingModel.Numeric("int64", d.Min, d.Max, "1", d.Unit);
            return NodeThingModel.Numeric("int32", d.Min, d.Max, "1", d.Unit);
        }

        public sealed record Description(string Text, string Unit, double Min, double Max);

        /// <summary>Words, unit and range by DiagnosticsSnapshot field (not by identifier, so a rename keeps them).</summary>
        public static Description Describe(string field) => field switch
        {
            "UptimeSeconds" => new("seconds since boot", Units.Seconds, 0, int.MaxValue),
            "Rssi" => new("Wi-Fi signal strength (0 = unknown)", Units.Dbm, -128, 0),
            "FreeMemoryBytes" => new("free managed memory", Units.Bytes, 0, int.MaxValue),
            "LargestFreeNativeBlock" => new("largest free native heap block (-1 = unknown, IBoard)", Units.Bytes, -1, int.MaxValue),
            "MqttConnects" => Count("MQTT sessions opened since boot"),
            "MqttDisconnects" => Count("MQTT sessions lost since boot"),
            "AuthFailures" => Count("CONNACK 4/5 refusals since boot"),
            "NetworkRestarts" => Count("Wi-Fi restarts by the watchdog since boot"),
            "QuickDrops" => Count("sessions dropped soon after CONNECT"),
            "DuplicateDeviceSuspected" => new("another board seems to use this device name", "", 0, 0),
            "BootLoopGuardActive" => new("boot-loop guard holds off watchdog reboots", "", 0, 0),
            "BootCount" => Count("boots since the node record was created"),
            "LastResetReason" => new("why the board last started", "", 0, 0),
            "OutboxDepth" => Count("readings waiting in the outbox"),
            "OutboxDropped" => Count("readings dropped from the full outbox"),
            "RejectedReadings" => Count("readings OneNET answered with a non-200 code"),
            "SensorReadFailures" => Count("failed sensor reads"),
            "EventsDropped" => Count("input events lost (queue full or refused)"),
            "BadDownlinks" => Count("malformed or oversize downlinks"),
            "SensorFailures" => Count("failed reads of this sensor (sensors[i]) since start"),
            "SensorStatus" => new("latest read of sensors[i]: 0 ok, 1 bus NACK, 2 CRC, 3 timeout, 4 out of range, 5 not found, 6 failed, 7 threw", "", 0, 7),
            _ => new("", "", int.MinValue, int.MaxValue),
        };

        private static Description Count(string text) => new(text, "", 0, int.MaxValue);
    }
}
