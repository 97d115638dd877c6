using OneNetFirmware.OneNet.Config;

namespace OneNetFirmware.Runtime
{
    /// <summary>Builds the node's PropertyTable from the configuration (before the outbox and sampler are made).</summary>
    public static class NodeProperties
    {
        public static PropertyTable FromConfig(NodeConfig config)
        {
            int capacity = 2 + config.Outputs.Length + 2 * config.Inputs.Length;
            for (int s = 0; s < config.Sensors.Length; s++)
            {
                capacity += config.Sensors[s].Channels.Length;
            }
            var table = new PropertyTable(capacity);
            for (int s = 0; s < config.Sensors.Length; s++)
            {
                ChannelConfig[] channels = config.Sensors[s].Channels;
                for (int c = 0; c < channels.Length; c++)
                {
                    table.Add(channels[c].Identifier, PropertyKind.Number, channels[c].Decimals);
                }
            }
            for (int i = 0; i < config.Inputs.Length; i++)
            {
                InputConfig input = config.Inputs[i];
                if (input.Type == "counter")
                {
                    // Pulses times scale (0.2794 mm of rain): a decimal number, like the rate.
                    table.Add(input.Identifier, PropertyKind.Number, input.Decimals);
                    if (input.RateIdentifier != null && input.RateIdentifier.Length > 0)
                    {
                        table.Add(input.RateIdentifier, PropertyKind.Number, input.Decimals);
                    }
                }
            }
            for (int o = 0; o < config.Outputs.Length; o++)
            {
                table.Add(config.Outputs[o].Identifier, PropertyKind.Bool, 0);
            }
            table.Add(RuntimeSettings.ReportIntervalIdentifier, PropertyKind.Integer, 0);
            table.Add(RuntimeSettings.SampleIntervalIdentifier, PropertyKind.Integer, 0);
            return table;
        }
    }
}
