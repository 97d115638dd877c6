using OneNetFirmware.OneNet;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The whole node runtime built from the configuration, the shared context, the network, the MQTT link and the
    /// protocol seams (docs/architecture.md "Composition"). The composition root (NodeBuilder) makes one, then runs
    /// RunSupervisor on its own thread and RunMainLoop on the main thread (the test harness calls Supervisor.Step and
    /// Loop.Step itself instead).
    /// </summary>
    public sealed class NodeRuntime
    {
        private readonly IClock _clock;

        public readonly NodeContext Context;
        public readonly PropertyTable Properties;
        public readonly OneNetTopics Topics;
        public readonly NodeCounters Counters;
        public readonly NodeRecord Record;
        public readonly Heartbeat Heartbeat;
        public readonly DownlinkQueue Downlinks;
        public readonly LinkEvents Events;
        /// <summary>The one object that publishes (docs/architecture.md "Uplink").</summary>
        public readonly Uplink Uplink;
        public readonly Outbox Outbox;
        /// <summary>The contact/motion/button events waiting for OneNET's reply.</summary>
        public readonly EventOutbox InputEvents;
        public readonly RuntimeSettings Settings;
        public readonly Supervisor Supervisor;
        public readonly DownlinkHandler DownlinkHandler;
        public readonly Diagnostics Diagnostics;
        public readonly NodeLoop Loop;
        /// <summary>The sensors (battery mode samples them once per wake-up).</summary>
        public readonly ISampler Sampler;

        public NodeRuntime(NodeConfig config, NodeContext node, INetwork network, IMqttLink link, OneNetProtocol protocol)
        {
            _clock = node.Clock;
            Context = node;
            Properties = node.Properties;
            Sampler = node.Sampler;
            Counters = node.Counters;
            Record = node.Record;
            Heartbeat = node.Heartbeat;
            Settings = node.Settings;
            Settings.ReportIntervalSeconds = config.Node.ReportIntervalSeconds;
            Settings.DiagnosticsIntervalSeconds = config.Node.DiagnosticsIntervalSeconds;
            Topics = new OneNetTopics(config.OneNet.ProductId, config.OneNet.DeviceName);
            Uplink = new Uplink(link, Topics, protocol.Writer, node.Properties, protocol.PayloadBufferBytes);
            Downlinks = new DownlinkQueue(RuntimeDefaults.DownlinkSlots, RuntimeDefaults.MaxDownlinkBytes,
                RuntimeDefaults.MaxQueuedDownlinkBytes);
            Events = new LinkEvents(Topics, Downlinks);
            OutboxConfig outbox = config.Outbox;
            Outbox = new Outbox(outbox.CapacityReadings, outbox.CapacityBytes, outbox.ReplyTimeoutSeconds,
                Outbox.BatchPointsFor(Uplink.Buffer.Length), node.Properties, node.Clock, node.Log);
            InputEvents = new EventOutbox(outbox.CapacityEvents, outbox.ReplyTimeoutSeconds, node.Events, node.Clock, node.Log);
            Supervisor = new Supervisor(node, network, Uplink, Events, protocol.Tokens, config);
            DownlinkHandler = new DownlinkHandler(node, Downlinks, protocol.Parser, Uplink, Outbox, InputEvents);
            Diagnostics = new Diagnostics(node, network, Outbox, InputEvents, node.Clock.NowMilliseconds);
            Loop = new NodeLoop(node, Supervisor, Uplink, Outbox, InputEvents, DownlinkHandler, Diagnostics);
        }

        /// <summary>The CA certificate PEM for TLS (the composition root reads it from caCertificatePath).</summary>
        public void SetCaCertificate(string pem)
        {
            // Kept out of the constructor: reading files is the composition root's job.
            Supervisor.SetCaCertificate(pem);
        }

        /// <summary>The supervisor thread's body: steps until the board reboots (docs/architecture.md "Threads").</summary>
        public void RunSupervisor()
        {
            while (Supervisor.State != SupervisorState.Rebooting)
            {
                Supervisor.Step(_clock.NowMilliseconds);
                _clock.Sleep(RuntimeDefaults.StepMilliseconds);
            }
        }

        /// <summary>The main thread's body: steps until the board reboots (docs/architecture.md "Threads").</summary>
        public void RunMainLoop()
        {
            while (Supervisor.State != SupervisorState.Rebooting)
            {
                Loop.Step(_clock.NowMilliseconds);
                _clock.Sleep(RuntimeDefaults.StepMilliseconds);
            }
        }
    }
}
