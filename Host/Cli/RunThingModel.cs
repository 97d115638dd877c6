using System.Collections.Generic;
using OneNetFirmware.Config;
using OneNetFirmware.Drivers;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Cli
{
    /// <summary>
    /// The thing model `run` gives its embedded emulator, derived from the configuration like the README's product
    /// setup table: every channel and counter a float with its unit, every output a writable bool, the two interval
    /// properties, the diagnostics, one event per contact/motion/button input and the two services. The emulator then
    /// checks the node's posts like the platform, and the console builds its command forms from it.
    /// </summary>
    public static class RunThingModel
    {
        public static ThingModel FromConfig(NodeConfig config)
        {
            var properties = new List<ThingModel.Property>();
            var events = new List<ThingModel.Event>();
            foreach (SensorConfig sensor in config.Sensors ?? new SensorConfig[0])
            {
                foreach (ChannelConfig channel in sensor.Channels ?? new ChannelConfig[0])
                {
                    properties.Add(new ThingModel.Property { Identifier = channel.Identifier, Type = "float", Unit = UnitOf(channel) });
                }
            }
            foreach (InputConfig input in config.Inputs ?? new InputConfig[0])
            {
                string parameter = NodeEvents.Parameter(input.Type);
                if (parameter != null)
                {
                    events.Add(new ThingModel.Event { Identifier = input.Identifier, Outputs = new[] { new ThingModel.Property { Identifier = parameter, Type = "bool" } } });
                    continue;
                }
                properties.Add(new ThingModel.Property { Identifier = input.Identifier, Type = "float" });
                if (input.RateIdentifier != null) properties.Add(new ThingModel.Property { Identifier = input.RateIdentifier, Type = "float" });
            }
            foreach (OutputConfig output in config.Outputs ?? new OutputConfig[0])
            {
                properties.Add(new ThingModel.Property { Identifier = output.Identifier, Type = "bool", Writable = true });
            }
            properties.Add(Interval(RuntimeSettings.ReportIntervalIdentifier));
            properties.Add(Interval(RuntimeSettings.SampleIntervalIdentifier));
            // The diagnostics as the node posts them (DiagnosticsIdentifiers): counters, two flags, the reset reason, and
            // a failure count and status per configured sensor.
            foreach (string id in DiagnosticsIdentifiers.All)
            {
                bool flag = id == DiagnosticsIdentifiers.Duplicate || id == DiagnosticsIdentifiers.BootLoopGuard;
                properties.Add(id == DiagnosticsIdentifiers.Reset
                    ? new ThingModel.Property { Identifier = id, Type = "string", MaxLength = 64 }
                    : new ThingModel.Property { Identifier = id, Type = flag ? "bool" : "int64" });
            }
            for (int i = 0; i < (config.Sensors ?? new SensorConfig[0]).Length; i++)
            {
                properties.Add(new ThingModel.Property { Identifier = DiagnosticsIdentifiers.SensorFailuresOf(i), Type = "int64" });
                properties.Add(new ThingModel.Property { Identifier = DiagnosticsIdentifiers.SensorStatusOf(i), Type = "int64" });
            }
            return new ThingModel
            {
                Properties = properties.ToArray(),
                Events = events.ToArray(),
                Services = new[] { new ThingModel.Named { Identifier = DownlinkHandler.RebootService }, new ThingModel.Named { Identifier = DownlinkHandler.ReportNowService } },
            };
        }

        private static ThingModel.Property Interval(string identifier) =>
            new() { Identifier = identifier, Type = "int32", Min = 1, Max = RuntimeSettings.MaxIntervalSeconds, Writable = true, Unit = "s" };

        /// <summary>The unit a channel's value is in after its scale (pressure: Pa, or hPa with scale 0.01).</summary>
        private static string UnitOf(ChannelConfig channel)
        {
            switch (channel.Quantity)
            {
                case SensorCatalog.Temperature: return channel.Scale == 1.0 ? "°C" : null;
                case SensorCatalog.Humidity: return channel.Scale == 1.0 ? "%RH" : null;
                case SensorCatalog.Illuminance: return channel.Scale == 1.0 ? "lx" : null;
                case SensorCatalog.Pressure: return channel.Scale == 1.0 ? "Pa" : channel.Scale == 0.01 ? "hPa" : null;
                default: return null;
            }
        }
    }
}
