using OneNetFirmware.Host.Simulation;
using OneNetFirmware.OneNet;
using System.Linq;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Runtime;

/// <summary>The outbox against lost, slow and rejected replies, overflow, and its allocation.</summary>
public class OutboxScenarioTests
{
    private const long Min = 60_000;

    [Fact]
    public void LostRepliesAreResentUntilEveryReadingIsAcknowledged()
    {
        var faults = new FaultPlan { ReplyLoss = 0.3, Random = new System.Random(3) };
        var sim = new NodeSim(faults);
        sim.RunUntil(30 * Min);
        faults.ReplyLoss = 0;
        sim.RunFor(2 * Min);
        Assert.Equal(0, sim.AssertDelivered());
        Assert.Contains(sim.Link.Points, p => p.Topic == "history/post");
        Assert.Equal(0, sim.Node.Outbox.Depth);
        sim.AssertUplinkPacing();
    }

    [Fact]
    public void AReportEverySecondDoesNotStarveTheBackfillAfterAnOutage()
    {
        // The report interval equals the 1 s uplink pacing: the back-fill still gets every other slot.
        var faults = new FaultPlan();
        faults.BrokerOutages.Add((2 * Min, 4 * Min));
        var sim = new NodeSim(faults, c =>
        {
            c.Node.ReportIntervalSeconds = 1;
            c.Sensors[0].IntervalSeconds = 1;
            c.Watchdog.RebootAfterDowntimeMinutes = 0;
            c.Outbox.CapacityBytes = 64 * 1024; // room for the outage: only a starved back-fill can overflow it
            c.Outbox.CapacityReadings = 2048;
        });
        sim.RunUntil(20 * Min);
        // A reading is taken every second: stop at a moment the newest one is acknowledged too.
        for (int i = 0; i < 20 && sim.Node.Outbox.Depth > 0; i++) sim.RunFor(NodeSim.StepMs);
        Assert.Equal(0, sim.Node.Outbox.Depth);
        Assert.Equal(0, sim.Dropped);
        Assert.Equal(0, sim.AssertDelivered());
        Assert.Contains(sim.Link.Points, p => p.Topic == "history/post");
        sim.AssertUplinkPacing();
    }

    [Fact]
    public void PostsThatGoUnansweredEndTheSessionOnlyWhereThePlatformAnsweredBefore()
    {
        // A plain broker that never answers: no "stall", one session for the whole hour.
        var silent = new FaultPlan { ReplyLoss = 1 };
        var plain = new NodeSim(silent, c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        plain.RunUntil(60 * Min);
        Assert.Single(plain.Link.ConnectAttempts);
        Assert.DoesNotContain(plain.Log.Lines, l => l.Contains("stalled"));

        // OneNET that stops answering for 3 minutes (a half-open route): the session is ended and made again after
        // 3 reply timeouts without any reply, and once replies come back everything is acknowledged.
        var faults = new FaultPlan();
        var sim = new NodeSim(faults, c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        sim.RunUntil(5 * Min);
        faults.ReplyLoss = 1;
        sim.RunUntil(8 * Min);
        Assert.Contains(sim.Log.Lines, l => l.Contains("connection stalled"));
        Assert.True(sim.Link.ConnectAttempts.Count >= 2);
        long firstRetry = sim.Link.ConnectAttempts[1];
        Assert.InRange(firstRetry, 5 * Min + RuntimeDefaults.StallReplyTimeouts * 10_000, 5 * Min + RuntimeDefaults.StallReplyTimeouts * 10_000 + 10_000 + 5_000 + 2 * NodeSim.StepMs);
        faults.ReplyLoss = 0;
        sim.RunFor(10 * Min);
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        Assert.Equal(0, sim.AssertDelivered());
        sim.AssertLoginLimit();
    }

    [Fact]
    public void SlowRepliesStillCompleteAndTheOutboxDrains()
    {
        var faults = new FaultPlan { SlowReplyRate = 0.5, SlowReplyMs = 15_000, Random = new System.Random(5) };
        var sim = new NodeSim(faults);
        sim.RunUntil(30 * Min);
        faults.SlowReplyRate = 0;
        sim.RunFor(2 * Min);
        Assert.Equal(0, sim.AssertDelivered());
        Assert.Equal(0, sim.Node.Outbox.Depth);
    }

    [Fact]
    public void RejectedPostsAreCountedDroppedAndNeverRetried()
    {
        var faults = new FaultPlan { ReplyRejection = 0.2, Random = new System.Random(9) };
        var sim = new NodeSim(faults);
        sim.RunUntil(30 * Min);
        faults.ReplyRejection = 0;
        sim.RunFor(2 * Min);
        Assert.True(sim.Rejected > 0);
        Assert.Equal(sim.Rejected, sim.AssertDelivered());
        // Each rejected post is logged with its msg once and never sent again (its id never repeats in the log).
        var logged = sim.Log.Lines.Where(l => l.Contains("code 2402 request format error")).ToList();
        Assert.NotEmpty(logged);
        Assert.Equal(logged.Count, logged.Select(l => l.Split(' ')[4]).Distinct().Count());
        Assert.Equal(0, sim.Node.Outbox.Depth);
    }

    [Fact]
    public void AFullOutboxDropsTheOldestAndCountsThem()
    {
        var faults = new FaultPlan();
        faults.NetworkOutages.Add((0, 60 * Min));
        var sim = new NodeSim(faults, c =>
        {
            c.Watchdog.RebootAfterDowntimeMinutes = 0;
            c.Outbox.CapacityReadings = 100;
        });
        sim.RunUntil(60 * Min + 5 * Min);
        Assert.InRange(sim.Dropped, 720 - 100, 720 - 100 + 4);
        int missing = sim.AssertDelivered();
        Assert.Equal(sim.Dropped, missing);
        // The survivors are the newest: the readings that arrived are exactly those after the dropped ones.
        double oldestArrived = sim.Link.Points.Where(p => p.Identifier is "temperature" or "humidity").Min(p => p.Value);
        Assert.Equal(sim.Dropped + 1, oldestArrived);
    }

    [Fact]
    public void AddingAndSendingReadingsAllocatesNothing()
    {
        var clock = new VirtualClock();
        var table = new PropertyTable(4);
        int t = table.Add("temperature", PropertyKind.Number, 2);
        int h = table.Add("humidity", PropertyKind.Number, 2);
        var outbox = new Outbox(512, 16384, 10, 100, table, clock, new SimLog());
        var writer = new CountingWriter();
        var link = new NullLink();
        var topics = new OneNetTopics("PID0000001", "node-01");
        var uplink = new Uplink(link, topics, writer, table, 8192);
        for (int i = 0; i < 2000; i++) // warm up (and fill the ring once)
        {
            outbox.Add(t, i);
            outbox.RequestReport();
            outbox.Pump(clock.NowMilliseconds, true, uplink);
            clock.Advance(1000);
        }
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            outbox.Add(t, i);
            outbox.Add(h, i);
            outbox.RequestReport();
            outbox.Pump(clock.NowMilliseconds, true, uplink);
            outbox.OnReply(writer.LastId, 200, "success");
            clock.Advance(1000);
        }
        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, outbox.Depth);
    }

    private sealed class CountingWriter : IOneJsonWriter
    {
        public int LastId;
        public int WritePropertyPost(byte[] b, int id, PropertyTable p, PointBatch pts) { LastId = id; return pts.Count; }
        public int WriteHistoryPost(byte[] b, int id, PropertyTable p, PointBatch pts) { LastId = id; return pts.Count; }
        public int WriteDiagnosticsPost(byte[] b, int id, DiagnosticsSnapshot d) => 1;
        public int WriteReply(byte[] b, string id, int code, string msg) => 1;
        public int WriteGetReply(byte[] b, string id, PropertyTable p, PointBatch pts) => 1;
        public int WriteEventPost(byte[] b, int id, EventTable e, int i, bool v, long t) { LastId = id; return 1; }
        public int WriteDesiredGet(byte[] b, int id, PropertyTable p, int[] idx, int n) => 1;
        public int WriteDesiredDelete(byte[] b, int id, PropertyTable p, int[] idx, long[] v, int n) => 1;
    }

    private sealed class NullLink : OneNetFirmware.OneNet.Ports.IMqttLink
    {
        public bool IsConnected => true;
        public void SetListener(OneNetFirmware.OneNet.Ports.IMqttLinkListener listener) { }
        public int Connect(OneNetFirmware.OneNet.Ports.MqttConnectOptions options) => 0;
        public bool Subscribe(string[] topicFilters) => true;
        public bool Publish(string topic, byte[] payload, int count, int qos) => true;
        public void Disconnect() { }
    }
}
