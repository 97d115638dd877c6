using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// The thing model of one configuration, in OneNET's import format (docs/thing-model.md), derived from the tables the
    /// node itself uses: NodeProperties (channels, counters, outputs, intervals), the diagnostics post as the node's
    /// writer writes it (DiagnosticsModel), NodeEvents and DownlinkHandler.Services. Units and ranges come from the
    /// configuration where it has them, else from the quantity's physical range; every specs number is a string.
    /// </summary>
    public static class NodeThingModel
    {
        /// <summary>The profile ids most public exports carry ("1"/"18"/"93"); whether the console needs them is unconfirmed.</summary>
        public const string IndustryId = "1", SceneId = "18", CategoryId = "93";

        /// <summary>The configuration's model as the emulator checks it (the file Build writes, read back).</summary>
        public static ThingModel For(NodeConfig config) => ThingModel.Parse(Build(config).ToJsonString());

        public static JsonObject Build(NodeConfig config)
        {
            var properties = new JsonArray();
            PropertyTable table = NodeProperties.FromConfig(config);
            for (int i = 0; i < table.Count; i++) properties.Add(NodeProperty(config, table.Identifier(i), table.Kind(i), table.Decimals(i)));
            foreach (DiagnosticsModel.Entry d in DiagnosticsModel.Probe(config.Sensors.Length)) properties.Add(Property(d.Identifier, "r", d.Description, d.DataType));

            var events = new JsonArray();
            EventTable eventTable = NodeEvents.FromConfig(config);
            for (int i = 0; i < eventTable.Count; i++)
            {
                string id = eventTable.Identifier(i);
                InputConfig input = config.Inputs.First(x => x.Identifier == id);
                events.Add(new JsonObject
                {
                    ["identifier"] = id, ["name"] = id, ["functionType"] = "u", ["functionMode"] = "event", ["eventType"] = "info",
                    ["desc"] = input.Type + " input on GPIO" + input.Pin + ": posted on every debounced change",
                    ["outputData"] = new JsonArray(new JsonObject
                    {
                        ["identifier"] = eventTable.Parameter(i), ["name"] = eventTable.Parameter(i),
                        ["dataType"] = Bool(),
                    }),
                });
            }

            var services = new JsonArray();
            foreach (string service in DownlinkHandler.Services)
            {
                services.Add(new JsonObject
                {
                    ["identifier"] = service, ["name"] = service, ["functionType"] = "u", ["functionMode"] = "service", ["callType"] = "a",
                    ["desc"] = ServiceDescription(service), ["input"] = new JsonArray(), ["output"] = new JsonArray(),
                });
            }

            return new JsonObject
            {
                ["version"] = "1.0",
                ["profile"] = new JsonObject { ["industryId"] = IndustryId, ["sceneId"] = SceneId, ["categoryId"] = CategoryId, ["productId"] = config.OneNet.ProductId },
                ["properties"] = properties,
                ["events"] = events,
                ["services"] = services,
            };
        }

        private static JsonObject NodeProperty(NodeConfig config, string id, PropertyKind kind, int decimals)
        {
            OutputConfig output = config.Outputs.FirstOrDefault(o => o.Identifier == id);
            if (output != null) return Property(id, "rw", output.Type + " on GPIO" + output.Pin + ": true = on", Bool(onOff: true));
            if (id == RuntimeSettings.ReportIntervalIdentifier || id == RuntimeSettings.SampleIntervalIdentifier)
            {
                string what = id == RuntimeSettings.ReportIntervalIdentifier ? "how often fresh readings are posted" : "every sensor's sampling interval";
                return Property(id, "rw", what + " (seconds)", Number(kind, 1, RuntimeSettings.MaxIntervalSeconds, decimals, Units.Seconds));
            }
            foreach (SensorConfig sensor in config.Sensors)
            {
                ChannelConfig channel = sensor.Channels.FirstOrDefault(c => c.Identifier == id);
                if (channel == null) continue;
                (double min, double max) = ChannelRange(channel);
                return Property(id, "r", channel.Quantity + " from " + sensor.Type, Number(kind, min, max, decimals, Units.Of(channel)));
            }
            foreach (InputConfig input in config.Inputs)
            {
                // A counter's total is pulses × scale, its rate that per minute; neither can be negative.
                if (input.Identifier == id) return Property(id, "r", "pulse count × " + Format(input.Scale) + " on GPIO" + input.Pin, Number(kind, 0, int.MaxValue * input.Scale, decimals, ""));
                if (input.RateIdentifier == id) return Property(id, "r", "rate of " + input.Identifier + " per minute", Number(kind, 0, 1_000_000 * input.Scale, decimals, ""));
            }
            return Property(id, "r", "", Number(kind, int.MinValue, int.MaxValue, decimals, ""));
        }

        /// <summary>The configured valid range when it has one (min &lt; max), else the quantity's physical range after calibration.</summary>
        private static (double Min, double Max) ChannelRange(ChannelConfig c)
        {
            if (c.Min < c.Max) return (c.Min, c.Max);
            (double rawMin, double rawMax) = Units.PhysicalRange(c.Quantity);
            double a = rawMin * c.Scale + c.Offset, b = rawMax * c.Scale + c.Offset;
            return (Math.Min(a, b), Math.Max(a, b));
        }

        private static string ServiceDescription(string service) => service switch
        {
            DownlinkHandler.RebootService => "reboot the node (it replies first)",
            DownlinkHandler.ReportNowService => "post fresh readings now",
            _ => "",
        };

        internal static JsonObject Property(string id, string access, string desc, JsonObject dataType) => new()
        {
            ["identifier"] = id, ["name"] = id, ["functionType"] = "u", ["accessMode"] = access, ["functionMode"] = "property",
            ["required"] = false, ["desc"] = desc, ["dataType"] = dataType,
        };

        /// <summary>A bool with the console's two labels: 开/关 (on/off) for outputs, 是/否 (yes/no) otherwise.</summary>
        internal static JsonObject Bool(bool onOff = false) => new()
        {
            ["type"] = "bool", ["specs"] = new JsonObject { ["true"] = onOff ? "开" : "是", ["false"] = onOff ? "关" : "否" },
        };

        /// <summary>A numeric data type: float for PropertyKind.Number (step from the decimals), int32 otherwise.</summary>
        internal static JsonObject Number(PropertyKind kind, double min, double max, int decimals, string unit)
        {
            if (kind == PropertyKind.Bool) return Bool();
            return kind == PropertyKind.Number
                ? Numeric("float", min, max, Format(Math.Pow(10, -decimals)), unit)
                : Numeric("int32", Math.Max(Math.Floor(min), int.MinValue), Math.Min(Math.Ceiling(max), int.MaxValue), "1", unit);
        }

        internal static JsonObject Numeric(string type, double min, double max, string step, string unit) => new()
        {
            ["type"] = type,
            ["specs"] = new JsonObject { ["min"] = Format(min), ["max"] = Format(max), ["step"] = step, ["unit"] = unit },
        };

        /// <summary>A specs number as OneNET writes it: a plain decimal string, no exponent.</summary>
        internal static string Format(double v)
        {
            string s = v.ToString("0.##########", CultureInfo.InvariantCulture);
            return s == "-0" ? "0" : s;
        }
    }
}
