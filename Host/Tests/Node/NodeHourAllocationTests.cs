using System;
using System.Text;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// A virtual hour of the whole node as NodeBuilder composes it for the device (real SensorSampler on a simulated SHT3x
/// and contact input, real OneJsonPayloadWriter, LinkEvents, DownlinkQueue, OneJsonDownlinkParser, DownlinkHandler,
/// outboxes, supervisor and main loop), with the platform answering every post through the real reply path: once warm
/// its steps allocate nothing (issue goal: at most ~1 KB per hour; docs/performance.md). The link below stands in for
/// the broker: the reply arrays it hands over, one per message as M2Mqtt's, are made outside the measured steps.
/// </summary>
public class NodeHourAllocationTests
{
    private const int ContactPin = 27;

    [Fact]
    public void AnHourOfTheNodeWithRepliesAllocatesNothing()
    {
        var clock = new VirtualClock();
        NodeConfig config = NodeHarness.SensorNodeConfig("PID0000001", "node-01", Convert.ToBase64String(new byte[32]), 5);
        config.Node.DiagnosticsIntervalSeconds = 60;
        config.Inputs = [new InputConfig { Type = "contact", Pin = ContactPin, Identifier = "door" }];
        var hardware = new SimulatedSensorHardware();
        hardware.Bus(1).Attach(0x44, new Sht3xChip(clock) { Temperature = 21.5, Humidity = 40 });
        var gpio = new SimulatedGpio();
        var link = new ReplyingLink();
        NodeRuntime node = NodeBuilder.Build(config, new SimNetwork(clock, new FaultPlan()), link, clock, new SimBoard(), new SimLog(),
            new HmacSigner(), hardware, gpio, new SeededRandom(1));
        long step = 0;
        long allocated = 0;
        void Run(long steps)
        {
            for (long i = 0; i < steps; i++, step++)
            {
                // The broker's side: a fresh array per reply, as M2Mqtt allocates one per PUBLISH on its own thread.
                link.DeliverReplies();
                long before = GC.GetAllocatedBytesForCurrentThread();
                if (step % 70 == 0) gpio.Set(ContactPin, step / 70 % 2 == 0); // a door change every 7 s
                node.Supervisor.Step(clock.NowMilliseconds);
                node.Loop.Step(clock.NowMilliseconds);
                clock.Advance(RuntimeDefaults.StepMilliseconds);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        Run(6_000); // ten minutes: connect, subscribe, desired/get, the first posts and diagnostics encode their keys
        Assert.Equal(SupervisorState.Online, node.Supervisor.State);
        int postsBefore = link.Posts;
        int acknowledgedBefore = node.InputEvents.Acknowledged;

        allocated = 0;
        Run(3_600_000 / RuntimeDefaults.StepMilliseconds);

        // 720 reports, ~514 events, 60 diagnostics posts in the hour, every one answered 200 and matched.
        Assert.True(link.Posts - postsBefore > 1_200, $"only {link.Posts - postsBefore} posts");
        Assert.True(node.InputEvents.Acknowledged - acknowledgedBefore > 500);
        Assert.Equal(0, node.Outbox.Rejected + node.InputEvents.Rejected + node.Outbox.Dropped);
        Assert.True(node.Outbox.Depth <= 2, $"outbox depth {node.Outbox.Depth}: replies are not matched");
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// The broker and platform: every publish is answered on its …/reply topic with code 200 and the post's id, read from
    /// the payload and written into a copy of a fixed reply (ten digits: leading zeros read as the same number). Each
    /// reply is an array of its own, which the node keeps until it handles it (IMqttLinkListener.OnMessage).
    /// </summary>
    private sealed class ReplyingLink : IMqttLink
    {
        private readonly byte[] _reply = Encoding.UTF8.GetBytes("{\"id\":\"0000000000\",\"code\":200,\"msg\":\"success\"}");
        private readonly string[] _topics = new string[8];
        private readonly string[] _replyTopics = new string[8];
        private readonly int[] _pendingIds = new int[8];
        private readonly string[] _pendingTopics = new string[8];
        private int _pending;
        private IMqttLinkListener _listener;
        public int Posts;

        public bool IsConnected => true;
        public void SetListener(IMqttLinkListener listener) => _listener = listener;
        public int Connect(MqttConnectOptions options) => ConnectResult.Accepted;
        public bool Subscribe(string[] topicFilters) => true;
        public void Disconnect() { }

        public bool Publish(string topic, byte[] payload, int count, int qos)
        {
            Posts++;
            int id = 0;
            for (int i = 7; i < count && payload[i] != (byte)'"'; i++) id = id * 10 + payload[i] - '0'; // {"id":"…"
            _pendingIds[_pending] = id;
            _pendingTopics[_pending++] = ReplyTopic(topic);
            return true;
        }

        public void DeliverReplies()
        {
            int idAt = 7;
            for (int n = 0; n < _pending; n++)
            {
                byte[] reply = (byte[])_reply.Clone();
                for (int v = _pendingIds[n], p = idAt + 9; p >= idAt; p--, v /= 10) reply[p] = (byte)('0' + v % 10);
                _listener.OnMessage(_pendingTopics[n], reply);
            }
            _pending = 0;
        }

        // Built once per topic (the node publishes on a handful), so the hour itself concatenates nothing.
        private string ReplyTopic(string topic)
        {
            int i = 0;
            while (_topics[i] != null && !ReferenceEquals(_topics[i], topic)) i++;
            if (_topics[i] == null)
            {
                _topics[i] = topic;
                _replyTopics[i] = topic + "/reply";
            }
            return _replyTopics[i];
        }
    }
}
