using OneNetFirmware.Config;
using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Ports;
using OneNetFirmware.Runtime;
using OneNetFirmware.Sensors;

namespace OneNetFirmware.Node
{
    /// <summary>
    /// The one composition of the node from a validated configuration and the ports, used by the ESP32's Program and
    /// the host's run command alike: property table, sensors, outputs, token, OneJSON writer and reader, runtime.
    /// </summary>
    public static class NodeBuilder
    {
        /// <param name="gpio">May be null when the configuration has no outputs and no inputs.</param>
        public static NodeRuntime Build(NodeConfig config, INetwork network, IMqttLink link, IClock clock, IBoard board,
            ILog log, ISigner signer, ISensorHardware sensors, IGpioPort gpio, IRandomSource random)
        {
            PropertyTable properties = NodeProperties.FromConfig(config);
            // Loaded before the outputs are built: they open at the states saved in it.
            NodeRecord record = NodeRecord.LoadAndCountBoot(board);
            var sampler = new SensorSampler(config.Sensors, sensors, clock);
            if (sampler.MissingSensors > 0)
            {
                log.Warn("sensors: " + sampler.MissingSensors.ToString() + " could not be created (check type and wiring)");
            }
            IOutputs outputs = null;
            InputPoller inputs = null;
            if (config.Outputs.Length > 0 || config.Inputs.Length > 0)
            {
                if (gpio == null)
                {
                    log.Warn("outputs/inputs configured but no GPIO port given: they are disabled");
                }
                else
                {
                    if (config.Outputs.Length > 0)
                    {
                        var gpioOutputs = new GpioOutputs(config.Outputs, properties, gpio, record, board);
                        if (gpioOutputs.Restored > 0)
                        {
                            log.Info("outputs: " + gpioOutputs.Restored.ToString() + " at their saved state (restoreState)");
                        }
                        outputs = gpioOutputs;
                    }
                    if (config.Inputs.Length > 0) inputs = new InputPoller(config.Inputs, gpio);
                }
            }
            return new NodeRuntime(config, properties, network, link, clock, board, record, log,
                new OneNetTokenSource(config.OneNet, signer), new OneJsonPayloadWriter(), new OneJsonDownlinkParser(properties),
                new ChannelSampler(sampler, inputs, properties, NodeEvents.FromConfig(config)), outputs, random);
        }
    }
}
