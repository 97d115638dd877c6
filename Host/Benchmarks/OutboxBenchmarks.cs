using OneNetFirmware.OneNet;
using BenchmarkDotNet.Attributes;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// The outbox's per-report cost on the hot path: two readings added, one property post selected and handed to the
    /// link, its reply applied; the same with the 512-reading ring full of a backlog that is sent and resent but never
    /// answered (every ring walk at its longest); and one input event in the EventOutbox. The writer and link are
    /// no-ops, so this measures the queues themselves (expect 0 B allocated).
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(IlCount.IlCountConfig))]
    public class OutboxBenchmarks
    {
        private Outbox _outbox;
        private Outbox _full;
        private EventOutbox _events;
        private TickClock _clock;
        private NoopWriter _writer;
        private NoopLink _link;
        private OneNetTopics _topics;
        private Uplink _uplink;
        private int _temperature;
        private int _humidity;
        private int _pressure;

        [GlobalSetup]
        public void Setup()
        {
            _clock = new TickClock();
            var table = new PropertyTable(4);
            _temperature = table.Add("temperature", PropertyKind.Number, 2);
            _humidity = table.Add("humidity", PropertyKind.Number, 2);
            _outbox = new Outbox(512, 64 * 1024, 10, 100, table, _clock, new NoopLog());
            _pressure = table.Add("pressure", PropertyKind.Number, 1);
            _full = new Outbox(512, 64 * 1024, 10, 100, table, _clock, new NoopLog());
            for (int i = 0; i < 512; i++) _full.Add(_pressure, 1013.2); // a backlog taken offline
            var events = new EventTable(1);
            events.Add("door", NodeEvents.ContactParameter);
            _events = new EventOutbox(32, 10, events, _clock, new NoopLog());
            _writer = new NoopWriter();
            _link = new NoopLink();
            _topics = new OneNetTopics("PID0000001", "node-01");
            _uplink = new Uplink(_link, _topics, _writer, table, 8192);
        }

        [Benchmark]
        public int ReportCycle() => Cycle(_outbox);

        [Benchmark]
        public int ReportCycleFullOutbox()
        {
            // The platform answers reports only (NoopWriter keeps no history post id) and two backlog readings come
            // each cycle: the ring stays full of backlog sent, expired and sent again, however long it runs.
            _full.Add(_pressure, 1013.2);
            _full.Add(_pressure, 1013.3);
            return Cycle(_full);
        }

        private int Cycle(Outbox outbox)
        {
            _clock.Now += 1000;
            outbox.Add(_temperature, 21.5);
            outbox.Add(_humidity, 48.25);
            outbox.RequestReport();
            outbox.Pump(_clock.Now, true, _uplink);
            return outbox.OnReply(_writer.LastId, 200, "success");
        }

        [Benchmark]
        public int EventCycle()
        {
            _clock.Now += 1000;
            _events.Add(0, (_clock.Now & 1000) == 0);
            _events.Pump(_clock.Now, true, _uplink);
            return _events.OnReply(_writer.LastId, 200, "success");
        }

        private sealed class TickClock : IClock
        {
            public long Now;
            public long NowMilliseconds => Now;
            public bool IsUtcValid => true;
            public long UtcUnixMilliseconds => 1_780_000_000_000 + Now;
            public void Sleep(int milliseconds) => Now += milliseconds;
        }

        private sealed class NoopWriter : IOneJsonWriter
        {
            public int LastId;
            public int WritePropertyPost(byte[] b, int id, PropertyTable p, PointBatch pts) { LastId = id; return 1; }
            public int WriteHistoryPost(byte[] b, int id, PropertyTable p, PointBatch pts) => 1; // never answered
            public int WriteDiagnosticsPost(byte[] b, int id, DiagnosticsSnapshot d) => 1;
            public int WriteReply(byte[] b, string id, int code, string msg) => 1;
            public int WriteGetReply(byte[] b, string id, PropertyTable p, PointBatch pts) => 1;
            public int WriteEventPost(byte[] b, int id, EventTable e, int i, bool v, long t) { LastId = id; return 1; }
            public int WriteDesiredGet(byte[] b, int id, PropertyTable p, int[] idx, int n) => 1;
            public int WriteDesiredDelete(byte[] b, int id, PropertyTable p, int[] idx, long[] v, int n) => 1;
        }

        private sealed class NoopLink : IMqttLink
        {
            public bool IsConnected => true;
            public void SetListener(IMqttLinkListener listener) { }
            public int Connect(MqttConnectOptions options) => 0;
            public bool Subscribe(string[] topicFilters) => true;
            public bool Publish(string topic, byte[] payload, int count, int qos) => true;
            public void Disconnect() { }
        }

        private sealed class NoopLog : ILog
        {
            public void Info(string message) { }
            public void Warn(string message) { }
            public void Error(string message) { }
        }
    }
}
