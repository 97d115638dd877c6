using System;
using System.Linq;
using OneNetFirmware.Host.Config;
using OneNetFirmware.OneNet;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Node;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The uplink's payload buffer is sized from the configuration (NodeBuilder.PayloadBufferBytes): every kind of post the
/// node writes, with every value at its longest, fits a buffer of exactly that size, stays within its bound
/// (OneJsonPayloadWriter.Max…Bytes) and comes within Slack bytes of it, so the bounds are neither short nor loose.
/// </summary>
public class PayloadBufferTests(ITestOutputHelper output)
{
    // A bound counts the ',' before each item, the first included: at most two such items per payload (history: the
    // identifier and its point; an event: the event and its parameter).
    private const int Slack = 2;
    private const int LongestPostId = int.MaxValue;
    private const long LongestTime = 9_999_999_999_999; // 13 digits
    private const string LongestRequestId = "9999999999999"; // OneNET's 13 digits
    private const string LongReason = "watchdog: main loop heartbeat missed for 120 s";

    public static TheoryData<string> Configs => new() { "example", "long identifiers" };

    [Theory]
    [MemberData(nameof(Configs))]
    public void EveryPostWithItsLongestValuesFitsTheBufferAndMeetsItsBound(string name)
    {
        (PropertyTable properties, EventTable events, int sensors) = Load(name);
        int bufferBytes = NodeBuilder.PayloadBufferBytes(properties, events, sensors, LongReason);
        var buffer = new byte[bufferBytes];
        var writer = new OneJsonPayloadWriter();
        int all = properties.Count;
        var everyProperty = Enumerable.Range(0, all).ToArray();
        int longest = Enumerable.Range(0, all).OrderByDescending(p => Bound(p, properties)).First();

        var report = Batch(properties, everyProperty, true);
        Check("property/post (report)", writer.WritePropertyPost(buffer, LongestPostId, properties, report),
            OneJsonPayloadWriter.MaxPropertyPostBytes(properties));
        Check("history/post (one point)", writer.WriteHistoryPost(buffer, LongestPostId, properties, Batch(properties, [longest], true)),
            OneJsonPayloadWriter.MaxHistoryPostBytes(properties));
        DiagnosticsSnapshot d = LongestDiagnostics(sensors);
        Check("diagnostics post", writer.WriteDiagnosticsPost(buffer, LongestPostId, d), OneJsonPayloadWriter.MaxDiagnosticsPostBytes(d));
        string msg = DownlinkHandler.LongestReplyMessage(properties);
        Check("set/invoke reply", writer.WriteReply(buffer, LongestRequestId, ReplyCodes.WrongType, msg),
            OneJsonPayloadWriter.MaxReplyBytes(msg));
        int members = RuntimeDefaults.MaxDownlinkMembers;
        Check("get reply", writer.WriteGetReply(buffer, LongestRequestId, properties, Batch(properties, Enumerable.Repeat(longest, members).ToArray(), false)),
            OneJsonPayloadWriter.MaxGetReplyBytes(properties, members));
        int e = Enumerable.Range(0, events.Count).OrderByDescending(i => events.Identifier(i).Length + events.Parameter(i).Length).First();
        Check("event post", writer.WriteEventPost(buffer, LongestPostId, events, e, false, LongestTime),
            OneJsonPayloadWriter.MaxEventPostBytes(events));
        Check("desired/get", writer.WriteDesiredGet(buffer, LongestPostId, properties, everyProperty, all),
            OneJsonPayloadWriter.MaxDesiredGetBytes(properties));
        Check("desired/delete", writer.WriteDesiredDelete(buffer, LongestPostId, properties, everyProperty,
            Enumerable.Repeat(long.MaxValue, all).ToArray(), all), OneJsonPayloadWriter.MaxDesiredDeleteBytes(properties));

        int largest = OneJsonPayloadWriter.MaxPayloadBytes(properties, events, d, msg);
        output.WriteLine($"{name}: largest post {largest} B, buffer {bufferBytes} B");
        Assert.Equal(Math.Max(largest, RuntimeDefaults.MinPayloadBufferBytes), bufferBytes);

        void Check(string kind, int length, int bound)
        {
            output.WriteLine($"{name}: {kind}: {length} B of {bound} B");
            Assert.True(length > 0, $"{kind} does not fit the {bufferBytes} B buffer");
            Assert.InRange(length, bound - Slack, bound);
        }
    }

    [Fact]
    public void TheExampleNeedsLessThanTheFloorAndTheLongConfigurationMore()
    {
        (PropertyTable properties, EventTable events, int sensors) = Load("example");
        Assert.Equal(RuntimeDefaults.MinPayloadBufferBytes, NodeBuilder.PayloadBufferBytes(properties, events, sensors, LongReason));
        (properties, events, sensors) = Load("long identifiers");
        Assert.True(NodeBuilder.PayloadBufferBytes(properties, events, sensors, LongReason) > RuntimeDefaults.MinPayloadBufferBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void TheLongestNumberTextIsTheBoundForItsDecimals(int decimals)
    {
        // The doubles just inside the writer's limit (9e18 scaled), negative: the longest texts it writes.
        double limit = -9.0e18 / Math.Pow(10, decimals);
        int longest = 0;
        double v = limit;
        for (int i = 0; i < 64; i++)
        {
            v = Math.BitIncrement(v);
            longest = Math.Max(longest, NumberText(v, decimals));
        }
        Assert.Equal(OneJsonWriter.MaxNumberBytes(decimals), longest);
    }

    private static int NumberText(double value, int decimals)
    {
        var buffer = new byte[64];
        var w = new OneJsonWriter(buffer, 0, buffer.Length);
        w.Decimals = decimals;
        w.BeginReply("1", ReplyCodes.Success, null);
        int empty = w.End();
        w.BeginReply("1", ReplyCodes.Success, null);
        w.Member(OneJsonWriter.EncodeKey("v"), value);
        return w.End() - empty - ",\"v\":".Length;
    }

    // The example configuration, or one with identifiers at OneNET's 20 characters and many properties, events and sensors.
    private static (PropertyTable, EventTable, int) Load(string name)
    {
        if (name == "example")
        {
            NodeConfig config = ConfigFile.Load(RepoPaths.Of("nf-config.json")).Config;
            return (NodeProperties.FromConfig(config), NodeEvents.FromConfig(config), config.Sensors.Length);
        }
        var properties = new PropertyTable(60);
        for (int i = 0; i < 60; i++)
        {
            PropertyKind kind = i % 3 == 0 ? PropertyKind.Number : i % 3 == 1 ? PropertyKind.Integer : PropertyKind.Bool;
            properties.Add(("p" + i).PadRight(20, 'x'), kind, i % 10);
        }
        var events = new EventTable(8);
        for (int i = 0; i < 8; i++) events.Add(("e" + i).PadRight(20, 'y'), ("q" + i).PadRight(20, 'z'));
        return (properties, events, 24);
    }

    // The bound of one property/post item of property p (picks the property whose points are longest).
    private static int Bound(int p, PropertyTable properties)
    {
        var one = new PropertyTable(1);
        one.Add(properties.Identifier(p), properties.Kind(p), properties.Decimals(p));
        return OneJsonPayloadWriter.MaxPropertyPostBytes(one);
    }

    // One point per index given, each value at its longest text for its property, at a 13-digit time.
    private static PointBatch Batch(PropertyTable properties, int[] indexes, bool timed)
    {
        var batch = new PointBatch(indexes.Length);
        foreach (int p in indexes)
        {
            batch.Property[batch.Count] = p;
            batch.Value[batch.Count] = LongestValue(properties.Kind(p), properties.Decimals(p));
            batch.UtcMilliseconds[batch.Count] = LongestTime;
            batch.HasTime[batch.Count] = timed;
            batch.Count++;
        }
        return batch;
    }

    private static double LongestValue(PropertyKind kind, int decimals)
    {
        if (kind == PropertyKind.Bool) return 0; // false
        if (kind == PropertyKind.Integer) return long.MinValue;
        double v = -9.0e18 / Math.Pow(10, decimals);
        double best = v;
        for (int i = 0; i < 64; i++)
        {
            v = Math.BitIncrement(v);
            if (NumberText(v, decimals) > NumberText(best, decimals)) best = v;
        }
        return best;
    }

    private static DiagnosticsSnapshot LongestDiagnostics(int sensors)
    {
        var d = new DiagnosticsSnapshot(sensors)
        {
            UptimeSeconds = long.MinValue,
            Rssi = int.MinValue,
            FreeMemoryBytes = int.MinValue,
            LargestFreeNativeBlock = int.MinValue,
            MqttConnects = int.MinValue,
            MqttDisconnects = int.MinValue,
            AuthFailures = int.MinValue,
            NetworkRestarts = int.MinValue,
            QuickDrops = int.MinValue,
            DuplicateDeviceSuspected = false,
            BootLoopGuardActive = false,
            BootCount = int.MinValue,
            LastResetReason = LongReason,
            OutboxDepth = int.MinValue,
            OutboxDropped = int.MinValue,
            RejectedReadings = int.MinValue,
            SensorReadFailures = int.MinValue,
            EventsDropped = int.MinValue,
            BadDownlinks = int.MinValue,
        };
        for (int i = 0; i < sensors; i++)
        {
            d.SensorFailures[i] = int.MinValue;
            d.SensorStatus[i] = int.MinValue;
        }
        return d;
    }
}
