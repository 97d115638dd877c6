using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime.Ports;
using OneNetFirmware.Runtime.Sampling;

namespace OneNetFirmware.Runtime.Node
{
    /// <summary>
    /// The one composition of the node from a validated configuration and the ports, used by the ESP32's Program and
    /// the host's run command alike: property table, event table (built once), sensors, outputs, token, OneJSON writer
    /// and reader, runtime — and, in battery mode, the wake-up cycle on top of it (docs/architecture.md "Composition").
    /// </summary>
    public static class NodeBuilder
    {
        /// <param name="gpio">May be null when the configuration has no outputs and no inputs.</param>
        public static NodeRuntime Build(NodeConfig config, INetwork network, IMqttLink link, IClock clock, IBoard board,
            ILog log, ISigner signer, ISensorHardware sensors, IGpioPort gpio, IRandomSource random)
        {
            PropertyTable properties = NodeProperties.FromConfig(config);
            EventTable events = NodeEvents.FromConfig(config);
            // Loaded before the outputs are built: they open at the states saved in it.
            NodeRecord record = NodeRecord.LoadAndCountBoot(board);
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
            var sampler = new SensorSampler(config.Sensors, sensors, clock, inputs, properties, events);
            if (sampler.MissingSensors > 0)
            {
                log.Warn("sensors: " + sampler.MissingSensors.ToString() + " could not be created (check type and wiring)");
            }
            var node = new NodeContext(new NodePorts(clock, log, board, random), properties, events, record, sampler, outputs);
            var protocol = new OneNetProtocol(new OneNetTokenSource(config.OneNet, signer), new OneJsonPayloadWriter(),
                new OneJsonDownlinkParser(properties), PayloadBufferBytes(properties, events, sampler.SensorCount,
                    Diagnostics.ResetReason(record, board)));
            return new NodeRuntime(config, node, network, link, protocol);
        }

        /// <summary>
        /// The uplink's payload buffer for this configuration (bytes): its largest single post
        /// (OneJsonPayloadWriter.MaxPayloadBytes), at least RuntimeDefaults.MinPayloadBufferBytes so history back-fill goes
        /// in batches of tens of points. No cap: every byte over the floor is a post this configuration makes.
        /// </summary>
        public static int PayloadBufferBytes(PropertyTable properties, EventTable events, int sensors, string resetReason)
        {
            var diagnostics = new DiagnosticsSnapshot(sensors);
            diagnostics.LastResetReason = resetReason;
            int largest = OneJsonPayloadWriter.MaxPayloadBytes(properties, events, diagnostics,
                DownlinkHandler.LongestReplyMessage(properties));
            return largest > RuntimeDefaults.MinPayloadBufferBytes ? largest : RuntimeDefaults.MinPayloadBufferBytes;
        }

        /// <summary>
        /// Battery mode on top of a built node: the outbox file in storage and the wake-up cycle (BatteryCycle), with the
        /// wake input taken from the configuration (WakePins.WakeInput). The caller runs it (Run, or Begin/Step/Finish).
        /// </summary>
        public static BatteryCycle BuildBattery(NodeRuntime node, NodeConfig config, IStorage storage, IDeepSleep sleep)
        {
            var file = new OutboxFile(storage, node.Properties, config.Outbox.CapacityReadings, node.InputEvents.Events,
                config.Outbox.CapacityEvents, node.Context.Clock, node.Context.Log);
            return new BatteryCycle(node, file, config.Battery, WakePins.WakeInput(config.Inputs), sleep);
        }
    }
}
