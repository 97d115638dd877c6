using OneNetFirmware.OneNet;
using OneNetFirmware.Config;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The whole node runtime built from the configuration, the ports and the protocol/driver seams. The composition
    /// root makes one, then runs RunSupervisor on its own thread and RunMainLoop on the main thread (the test harness
    /// calls Supervisor.Step and Loop.Step itself instead).
    /// </summary>
    public sealed class NodeRuntime
    {
        /// <summary>How long each loop sleeps between steps.</summary>
        public const int StepMilliseconds = 100;
        public const int DownlinkSlots = 8;
        public const int MaxDownlinkBytes = 1024;
        public const int PayloadBufferBytes = 8192;
        /// <summary>Points in one history/post (and the largest property/post).</summary>
        public const int BatchPoints = 100;

        private readonly IClock _clock;

        public readonly PropertyTable Properties;
        public readonly OneNetTopics Topics;
        public readonly NodeCounters Counters = new NodeCounters();
        public readonly NodeRecord Record;
        public readonly Heartbeat Heartbeat;
        public readonly DownlinkQueue Downlinks;
        public readonly LinkEvents Events;
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

        /// <param name="properties">From NodeProperties.FromConfig(config); the sampler and outputs use the same indexes.</param>
        /// <param name="record">This boot's record from NodeRecord.LoadAndCountBoot(board) (the outputs share it).</param>
        /// <param name="outputs">The relays/LEDs, or null when there are none.</param>
        public NodeRuntime(NodeConfig config, PropertyTable properties, INetwork network, IMqttLink link, IClock clock,
            IBoard board, NodeRecord record, ILog log, ITokenSource tokens, IOneJsonWriter writer, IDownlinkParser parser, ISampler sampler,
            IOutputs outputs, IRandomSource random)
        {
            _clock = clock;
            Properties = properties;
            Sampler = sampler;
            OneNetConfig onenet = config.OneNet;
            Topics = new OneNetTopics(onenet.ProductId, onenet.DeviceName);
            Record = record;
            long now = clock.NowMilliseconds;
            Heartbeat = new Heartbeat(now);
            Downlinks = new DownlinkQueue(DownlinkSlots, MaxDownlinkBytes);
            Events = new LinkEvents(Topics, Downlinks);
            Outbox = new Outbox(config.Outbox.CapacityReadings, config.Outbox.CapacityBytes,
                config.Outbox.ReplyTimeoutSeconds, BatchPoints, properties, clock, log);
            InputEvents = new EventOutbox(config.Outbox.CapacityEvents, config.Outbox.ReplyTimeoutSeconds,
                NodeEvents.FromConfig(config), clock, log);
            Settings = new RuntimeSettings();
            Settings.ReportIntervalSeconds = config.Node.ReportIntervalSeconds;
            Settings.DiagnosticsIntervalSeconds = config.Node.DiagnosticsIntervalSeconds;
            var options = new MqttConnectOptions();
            options.Host = onenet.Host;
            options.Port = onenet.Port;
            options.Tls = onenet.Tls;
            options.ClientId = onenet.DeviceName;
            options.UserName = onenet.ProductId;
            options.KeepAliveSeconds = onenet.KeepAliveSeconds;
            Supervisor = new Supervisor(network, link, clock, board, log, tokens, options, Topics.RequiredSubscriptions, Topics.OptionalSubscriptions, Events,
                Heartbeat, Counters, Record, config.Watchdog, random);
            DownlinkHandler = new DownlinkHandler(Downlinks, MaxDownlinkBytes, parser, writer, link, Topics, properties,
                outputs, sampler, Outbox, InputEvents, Settings, Counters, log);
            Diagnostics = new Diagnostics(network, board, Counters, Record, Outbox, InputEvents, sampler, now);
            Loop = new NodeLoop(clock, Supervisor, Heartbeat, sampler, Outbox, InputEvents, DownlinkHandler, link, Topics, writer,
                properties, outputs, Settings, Diagnostics, PayloadBufferBytes);
        }

        /// <summary>The CA certificate PEM for TLS (the composition root reads it from caCertificatePath).</summary>
        public void SetCaCertificate(string pem)
        {
            // Kept out of the constructor: reading files is the composition root's job.
            Supervisor.SetCaCertificate(pem);
        }

        /// <summary>The supervisor thread's body: steps until the board reboots.</summary>
        public void RunSupervisor()
        {
            while (Supervisor.State != SupervisorState.Rebooting)
            {
                Supervisor.Step(_clock.NowMilliseconds);
                _clock.Sleep(StepMilliseconds);
            }
        }

        /// <summary>The main thread's body: steps until the board reboots.</summary>
        public void RunMainLoop()
        {
            while (Supervisor.State != SupervisorState.Rebooting)
            {
                Loop.Step(_clock.NowMilliseconds);
                _clock.Sleep(StepMilliseconds);
            }
        }
    }
}
