using OneNetFirmware.Host.Simulation;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Runtime;

/// <summary>Online and steady, the supervisor and the main loop allocate nothing of their own (fakes that don't either).</summary>
public class SteadyStateAllocationTests
{
    [Fact]
    public void AnHourOfSteppingAllocatesNothing() => AnHourAllocatesNothing(false);

    [Fact]
    public void AnHourOfSteppingWithInputEventsAllocatesNothing() => AnHourAllocatesNothing(true);

    private static void AnHourAllocatesNothing(bool withEvents)
    {
        var config = new NodeConfig();
        config.OneNet.ProductId = "PID0000001";
        config.OneNet.DeviceName = "node-01";
        config.Node.ReportIntervalSeconds = 5;
        config.Node.DiagnosticsIntervalSeconds = 60;
        config.Sensors = new[]
        {
            new SensorConfig { Type = "sht3x", Channels = new[] { new ChannelConfig { Identifier = "temperature" } } },
        };
        if (withEvents)
        {
            config.Inputs = new[] { new InputConfig { Type = "contact", Pin = 27, Identifier = "door" } };
        }
        PropertyTable table = NodeProperties.FromConfig(config);
        var clock = new VirtualClock();
        var link = new AckingLink();
        var board = new SimBoard();
        var context = new NodeContext(new NodePorts(clock, new SimLog(), board, new SeededRandom(1)), table,
            NodeEvents.FromConfig(config), NodeRecord.LoadAndCountBoot(board), new CountingSampler { RaiseEvents = withEvents }, null);
        var node = new NodeRuntime(config, context, new UpNetwork(), link,
            new OneNetProtocol(new FixedToken(), link, new DownlinkParserFake(), RuntimeDefaults.MinPayloadBufferBytes));
        link.Events = node.Events;
        void Run(long steps)
        {
            for (long i = 0; i < steps; i++)
            {
                node.Supervisor.Step(clock.NowMilliseconds);
                node.Loop.Step(clock.NowMilliseconds);
                link.DeliverReply(node);
                clock.Advance(100);
            }
        }
        Run(600); // connect, subscribe, first posts
        Assert.Equal(SupervisorState.Online, node.Supervisor.State);
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        Run(36_000);
        long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(link.Posts > 700);
        Assert.Equal(0, node.Outbox.Depth);
        Assert.Equal(0, node.InputEvents.Depth);
        Assert.True(withEvents ? node.InputEvents.Acknowledged >= 36_000 / 70 : node.InputEvents.Raised == 0);
        Assert.Equal(0, allocated);
    }

    private sealed class UpNetwork : INetwork
    {
        public bool IsUp => true;
        public int Rssi => -50;
        public void Start(bool saveCredentials) { }
        public void Restart(bool saveCredentials) { }
    }

    private sealed class FixedToken : ITokenSource
    {
        public string PasswordAt(bool utcValid, long utcUnixSeconds) => "token";
    }

    private sealed class CountingSampler : ISampler
    {
        private long _next;
        private double _value;
        private long _nextEvent;
        private bool _open;
        public bool RaiseEvents;
        public int SampleDue(long nowMs, bool forceAll, IReadingSink sink)
        {
            if (RaiseEvents && nowMs >= _nextEvent)
            {
                _nextEvent = nowMs + 7000;
                _open = !_open;
                sink.AddEvent(0, _open);
            }
            if (nowMs >= _next)
            {
                _next = nowMs + 5000;
                sink.Add(0, ++_value);
            }
            return 0;
        }
        public bool SetIntervalSeconds(int seconds) => true;
        public double LatestValue(int propertyIndex) => _value;
        public int InputState(int pin) => -1;
        public int SensorCount => 1;
        public int SensorFailures(int sensor) => 0;
        public int SensorStatus(int sensor) => 0;
    }

    /// <summary>A link and writer in one: remembers the last post id and acknowledges it by calling the outbox.</summary>
    private sealed class AckingLink : IMqttLink, IOneJsonWriter
    {
        public LinkEvents Events;
        public int Posts;
        private int _pending = -1;
        private int _lastId;
        public bool IsConnected => true;
        public void SetListener(IMqttLinkListener listener) { }
        public int Connect(MqttConnectOptions options) => 0;
        public bool Subscribe(string[] topicFilters) => true;
        public void Disconnect() { }
        public bool Publish(string topic, byte[] payload, int count, int qos)
        {
            Posts++;
            _pending = _lastId;
            return true;
        }
        public void DeliverReply(NodeRuntime node)
        {
            if (_pending >= 0)
            {
                if (node.Outbox.OnReply(_pending, 200, "success") == 0)
                {
                    node.InputEvents.OnReply(_pending, 200, "success");
                }
                _pending = -1;
            }
        }
        public int WritePropertyPost(byte[] b, int id, PropertyTable p, PointBatch pts) { _lastId = id; return 1; }
        public int WriteHistoryPost(byte[] b, int id, PropertyTable p, PointBatch pts) { _lastId = id; return 1; }
        public int WriteDiagnosticsPost(byte[] b, int id, DiagnosticsSnapshot d) { _lastId = id; return 1; }
        public int WriteReply(byte[] b, string id, int code, string msg) => 1;
        public int WriteGetReply(byte[] b, string id, PropertyTable p, PointBatch pts) => 1;
        public int WriteEventPost(byte[] b, int id, EventTable e, int i, bool v, long t) { _lastId = id; return 1; }
        public int WriteDesiredGet(byte[] b, int id, PropertyTable p, int[] idx, int n) { _lastId = id; return 1; }
        public int WriteDesiredDelete(byte[] b, int id, PropertyTable p, int[] idx, long[] v, int n) => 1;
    }
}
