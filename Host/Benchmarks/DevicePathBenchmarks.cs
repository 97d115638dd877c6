using BenchmarkDotNet.Attributes;
using OneNetFirmware.Benchmarks.IlCount;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// What the node does per post and per reply, through the real runtime adapters (OneJsonPayloadWriter,
    /// OneJsonDownlinkParser) as NodeBuilder wires them: the nanoCLR measurements (6-property payload, event,
    /// diagnostics, a matched post reply, a property/set). The IL column is the device-side cost (docs/performance.md).
    /// </summary>
    [MemoryDiagnoser]
    [Config(typeof(IlCountConfig))]
    public class DevicePathBenchmarks
    {
        private const long Time = 1_764_000_000_123;
        private readonly byte[] _buffer = new byte[1024];
        private readonly DownlinkMessage _message = new DownlinkMessage(16);
        private OneJsonPayloadWriter _writer;
        private OneJsonDownlinkParser _parser;
        private PropertyTable _properties;
        private EventTable _events;
        private PointBatch _points;
        private DiagnosticsSnapshot _diagnostics;
        private byte[] _postReply;
        private byte[] _set;

        [GlobalSetup]
        public void Setup()
        {
            _properties = new PropertyTable(8);
            _properties.Add("temperature", PropertyKind.Number, 2);
            _properties.Add("humidity", PropertyKind.Number, 1);
            _properties.Add("pressure", PropertyKind.Number, 2);
            _properties.Add("light", PropertyKind.Integer, 0);
            _properties.Add("door", PropertyKind.Bool, 0);
            _properties.Add("battery", PropertyKind.Number, 2);
            _properties.Add(RuntimeSettings.ReportIntervalIdentifier, PropertyKind.Integer, 0);
            _events = new EventTable(2);
            _events.Add("door_opened", "open");
            _points = new PointBatch(6) { Count = 6 };
            double[] values = { 23.56, 45.2, 1013.25, 312, 1, 3.71 };
            for (int i = 0; i < 6; i++)
            {
                _points.Property[i] = i;
                _points.Value[i] = values[i];
                _points.HasTime[i] = true;
                _points.UtcMilliseconds[i] = Time;
            }
            _diagnostics = new DiagnosticsSnapshot(sensors: 2)
            {
                UptimeSeconds = 86_400, Rssi = -61, FreeMemoryBytes = 61_000, LargestFreeNativeBlock = 30_000, MqttConnects = 3,
                BootCount = 4, LastResetReason = "power on", OutboxDepth = 2,
            };
            _writer = new OneJsonPayloadWriter();
            _parser = new OneJsonDownlinkParser(_properties);
            _postReply = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"123456\",\"code\":200,\"msg\":\"success\"}");
            _set = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"1764000000123\",\"version\":\"1.0\",\"params\":{\"" + RuntimeSettings.ReportIntervalIdentifier + "\":30}}");
        }

        /// <summary>The 6-property payload (temperature, humidity, pressure, light, door, battery with times).</summary>
        [Benchmark(Baseline = true)]
        public int PropertyPost6() => _writer.WritePropertyPost(_buffer, 123456, _properties, _points);

        [Benchmark]
        public int EventPost() => _writer.WriteEventPost(_buffer, 123457, _events, 0, true, Time);

        [Benchmark]
        public int DiagnosticsPost() => _writer.WriteDiagnosticsPost(_buffer, 123458, _diagnostics);

        /// <summary>A post reply read and matched by its numeric id (what DownlinkHandler then gives the outbox).</summary>
        [Benchmark]
        public long PostReplyMatched()
        {
            _parser.Parse(DownlinkKind.PostReply, _postReply, _postReply.Length, _message);
            return _message.TryGetRequestId(out int id) ? id + _message.Code : -1;
        }

        /// <summary>A property/set of report_interval: the id (echoed in the reply) is the one string it makes.</summary>
        [Benchmark]
        public long PropertySetParsed()
        {
            _parser.Parse(DownlinkKind.PropertySet, _set, _set.Length, _message);
            return _message.Count;
        }
    }
}
