using OneNetFirmware.Runtime.Ports;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// What the runtime's parts share, handed to each in one object instead of a dozen parameters
    /// (docs/architecture.md "Composition"): the ports, the node's model built once from the configuration (property
    /// table, event table, sensors, outputs), this boot's record, and the state several parts read or write (counters,
    /// the settings downlinks change, the main loop's heartbeat).
    /// </summary>
    public sealed class NodeContext
    {
        public readonly IClock Clock;
        public readonly ILog Log;
        public readonly IBoard Board;
        public readonly IRandomSource Random;
        public readonly PropertyTable Properties;
        /// <summary>The input events' table, built once (NodeEvents.FromConfig) for the sampler and the event outbox.</summary>
        public readonly EventTable Events;
        /// <summary>This boot's record from NodeRecord.LoadAndCountBoot(board) (the outputs share it).</summary>
        public readonly NodeRecord Record;
        /// <summary>The sensors and inputs (battery mode samples them once per wake-up).</summary>
        public readonly ISampler Sampler;
        /// <summary>The relays/LEDs, or null when there are none.</summary>
        public readonly IOutputs Outputs;
        public readonly NodeCounters Counters = new NodeCounters();
        public readonly RuntimeSettings Settings = new RuntimeSettings();
        public readonly Heartbeat Heartbeat;

        public NodeContext(NodePorts ports, PropertyTable properties, EventTable events, NodeRecord record,
            ISampler sampler, IOutputs outputs)
        {
            Clock = ports.Clock;
            Log = ports.Log;
            Board = ports.Board;
            Random = ports.Random;
            Properties = properties;
            Events = events;
            Record = record;
            Sampler = sampler;
            Outputs = outputs;
            Heartbeat = new Heartbeat(ports.Clock.NowMilliseconds);
        }
    }
}
