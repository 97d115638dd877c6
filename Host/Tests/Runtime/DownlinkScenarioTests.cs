using System.Linq;
using System.Text.Json;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Runtime;

/// <summary>Property set/get, services and desired values, answered within OneNET's 5 s; malformed input survives.</summary>
public class DownlinkScenarioTests
{
    private const long Min = 60_000;

    private static NodeSim Online()
    {
        var sim = new NodeSim();
        sim.RunUntil(Min);
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        return sim;
    }

    private static JsonElement Answer(NodeSim sim, string topic, string payload)
    {
        int before = sim.Link.Replies.Count;
        long sent = sim.Clock.NowMilliseconds;
        sim.Link.Inject(topic, payload);
        sim.RunFor(5_000);
        Assert.Equal(before + 1, sim.Link.Replies.Count);
        var reply = sim.Link.Replies[^1];
        Assert.Equal(payload.Contains("\"id\":\"") ? JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString() : null,
            reply.Json.GetProperty("id").GetString());
        Assert.True(sim.Link.Uplinks.Last(u => u.Topic.EndsWith(reply.Topic)).At - sent < 5_000);
        return reply.Json;
    }

    [Theory]
    [InlineData("{\"id\":\"1\",\"params\":{\"relay1\":true}}", 200)]
    [InlineData("{\"id\":\"2\",\"params\":{\"report_interval\":30}}", 200)]
    [InlineData("{\"id\":\"3\",\"params\":{\"nosuch\":1}}", 404)]
    [InlineData("{\"id\":\"4\",\"params\":{\"temperature\":20}}", 405)]
    [InlineData("{\"id\":\"5\",\"params\":{\"relay1\":\"on\"}}", 422)]
    [InlineData("{\"id\":\"6\",\"params\":{\"report_interval\":2.5}}", 422)]
    [InlineData("{\"id\":\"7\",\"params\":{\"report_interval\":0}}", 422)]
    [InlineData("{\"id\":\"8\",\"params\":{\"sample_interval\":1}}", 422)]
    [InlineData("{\"id\":\"9\",\"params\":[1,2]}", 400)]
    [InlineData("{\"id\":\"10\",\"params\":{\"relay1\":true,\"nosuch\":1}}", 404)]
    public void PropertySetAnswersWithAClearCode(string payload, int code)
    {
        var sim = Online();
        JsonElement reply = Answer(sim, "property/set", payload);
        Assert.Equal(code, reply.GetProperty("code").GetInt32());
        int relay = sim.Properties.IndexOf("relay1");
        // All or nothing: a set with one bad identifier changes nothing.
        Assert.Equal(payload.Contains("\"relay1\":true") && code == 200, sim.Outputs.Get(relay));
    }

    [Fact]
    public void ReportIntervalSetChangesHowOftenReadingsArePosted()
    {
        var sim = Online();
        Answer(sim, "property/set", "{\"id\":\"1\",\"params\":{\"report_interval\":60,\"sample_interval\":60}}");
        long from = sim.Clock.NowMilliseconds + 60_000;
        sim.RunFor(11 * Min);
        int posts = sim.Link.Uplinks.Count(u => u.At >= from && u.Topic.EndsWith("property/post"));
        Assert.InRange(posts, 9, 12); // about one per minute (plus a diagnostics post)
    }

    [Fact]
    public void PropertyGetReturnsCurrentValuesOrNamesTheUnknownOne()
    {
        var sim = Online();
        JsonElement ok = Answer(sim, "property/get", "{\"id\":\"21\",\"params\":[\"temperature\",\"relay1\",\"report_interval\"]}");
        Assert.Equal(200, ok.GetProperty("code").GetInt32());
        Assert.False(ok.GetProperty("data").GetProperty("relay1").GetBoolean());
        Assert.Equal(10, ok.GetProperty("data").GetProperty("report_interval").GetInt32());
        Assert.True(ok.GetProperty("data").GetProperty("temperature").GetDouble() > 0);
        JsonElement bad = Answer(sim, "property/get", "{\"id\":\"22\",\"params\":[\"nosuch\"]}");
        Assert.Equal(404, bad.GetProperty("code").GetInt32());
        Assert.Contains("nosuch", bad.GetProperty("msg").GetString());
    }

    [Fact]
    public void ReportNowPostsImmediately()
    {
        var sim = Online();
        sim.RunFor(3_000);
        int before = sim.Link.Uplinks.Count(u => u.Topic.EndsWith("property/post"));
        JsonElement reply = Answer(sim, "service/report_now/invoke", "{\"id\":\"31\",\"params\":{}}");
        Assert.Equal(200, reply.GetProperty("code").GetInt32());
        Assert.True(sim.Link.Uplinks.Count(u => u.Topic.EndsWith("property/post")) > before);
    }

    [Fact]
    public void RebootServiceRepliesThenRebootsAndReportsWhy()
    {
        var sim = Online();
        JsonElement reply = Answer(sim, "service/reboot/invoke", "{\"id\":\"41\",\"params\":{}}");
        Assert.Equal(200, reply.GetProperty("code").GetInt32());
        Assert.Single(sim.Reboots);
        NodeRecord record = NodeRecord.Parse(sim.Board.Record);
        Assert.Equal("reboot service invoked", Assert.Single(sim.RebootReasons));
        Assert.Equal("", record.LastRebootReason); // moved to this boot's diagnostics, so a later power cut is not misreported
        Assert.Equal(0, record.RecentWatchdogReboots); // asked for, not a watchdog reboot
        sim.RunFor(Min);
        Assert.Contains(sim.Link.Points, p => p.Identifier == "diag_reset");
        Assert.Equal("reboot service invoked", sim.Node.Diagnostics.LastResetReason);
    }

    [Fact]
    public void UnknownServiceIsAnsweredWith404()
    {
        var sim = Online();
        JsonElement reply = Answer(sim, "service/selfdestruct/invoke", "{\"id\":\"51\",\"params\":{}}");
        Assert.Equal(404, reply.GetProperty("code").GetInt32());
    }

    [Fact]
    public void DesiredValuesAreFetchedAndAppliedAfterEveryReconnect()
    {
        var faults = new FaultPlan();
        faults.BrokerOutages.Add((2 * Min, 3 * Min));
        var sim = new NodeSim(faults, c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        sim.RunUntil(Min);
        Assert.Equal(1, sim.Link.DesiredGets);
        sim.Link.Desired["relay1"] = JsonDocument.Parse("true").RootElement;
        sim.RunUntil(10 * Min);
        Assert.Equal(2, sim.Link.DesiredGets);
        Assert.True(sim.Outputs.Get(sim.Properties.IndexOf("relay1")));
    }

    [Theory]
    [InlineData("property/set", "not json at all")]
    [InlineData("property/set", "{\"params\":{\"relay1\":true}}")]
    [InlineData("property/get", "{\"id\":7}")]
    [InlineData("property/post/reply", "{\"id\":\"1\",\"code\":\"x\"}")]
    [InlineData("property/desired/get/reply", "[]")]
    [InlineData("service/report_now/invoke", "\u0000\u0001\u0002")]
    public void MalformedDownlinksAreCountedAndTheNodeKeepsRunning(string topic, string payload)
    {
        var sim = Online();
        sim.Link.Inject(topic, payload);
        sim.RunFor(Min);
        Assert.Equal(1, sim.Node.Counters.MalformedDownlinks);
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        Assert.Equal(0, sim.AssertDelivered());
    }

    [Theory]
    [InlineData("property/set", "{\"id\":\"60\",\"params\":{\"relay1\":tru", false, 400)]
    [InlineData("property/get", "{\"id\":\"61\",\"params\":[\"relay1\"", false, 400)]
    [InlineData("property/set", "{\"id\":\"62\",\"params\":{\"relay1\":true,\"pad\":\"", true, 413)]
    [InlineData("service/report_now/invoke", "{\"id\":\"63\",\"params\":{\"pad\":\"", true, 413)]
    public void UnreadableRequestsWithARecoverableIdAreAnsweredOnTheirReplyTopicInTime(string topic, string payload, bool oversize, int code)
    {
        var sim = Online();
        if (oversize) payload += new string('x', RuntimeDefaults.MaxDownlinkBytes) + "\"}}";
        long sent = sim.Clock.NowMilliseconds;
        sim.Link.Inject(topic, payload);
        sim.RunFor(5_000);
        var reply = Assert.Single(sim.Link.Replies, r => r.Json.GetProperty("id").GetString() == payload.Split('"')[3]);
        Assert.Equal(code, reply.Json.GetProperty("code").GetInt32());
        Assert.EndsWith(topic + "_reply", reply.Topic);
        Assert.True(sim.Link.Uplinks.Last(u => u.Topic.EndsWith(reply.Topic)).At - sent < 5_000);
        Assert.False(sim.Outputs.Get(sim.Properties.IndexOf("relay1")));
        Assert.Equal(oversize ? 0 : 1, sim.Node.Counters.MalformedDownlinks);
        Assert.Equal(oversize ? 1 : 0, sim.Node.Counters.OversizeDownlinks);
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
    }

    [Fact]
    public void AFloodOfDownlinksIsBoundedAndCounted()
    {
        var sim = Online();
        for (int i = 0; i < 50; i++)
        {
            sim.Link.Inject("property/get", "{\"id\":\"" + i + "\",\"params\":[\"relay1\"]}");
        }
        sim.RunFor(10_000);
        Assert.Equal(RuntimeDefaults.DownlinkSlots, sim.Link.Replies.Count);
        Assert.Equal(50 - RuntimeDefaults.DownlinkSlots, sim.Node.Downlinks.Dropped);
    }

    [Fact]
    public void AFloodOfLargeDownlinksIsBoundedByTheBytesTheQueueHolds()
    {
        var sim = Online();
        string pad = new('x', 900);
        for (int i = 0; i < RuntimeDefaults.DownlinkSlots; i++)
        {
            sim.Link.Inject("property/get", "{\"id\":\"" + i + "\",\"params\":[\"relay1\"],\"pad\":\"" + pad + "\"}");
        }
        sim.RunFor(10_000);
        int taken = RuntimeDefaults.MaxQueuedDownlinkBytes / (pad.Length + 40); // each about 940 bytes: 4 fit
        Assert.Equal(4, taken);
        Assert.Equal(taken, sim.Link.Replies.Count);
        Assert.All(sim.Link.Replies, r => Assert.Equal(200, r.Json.GetProperty("code").GetInt32()));
        Assert.Equal(RuntimeDefaults.DownlinkSlots - taken, sim.Node.Downlinks.Dropped);
        Assert.Equal(0, sim.Node.Downlinks.QueuedBytes);
    }

    private static string Get(int id) => "{\"id\":\"" + id + "\",\"version\":\"1.0\",\"params\":[\"relay1\"]}";

    [Fact]
    public void AReplyWaitsForTheUplinkPacerButGoesBeforeTheNextPost()
    {
        var sim = Online();
        // Right after a post the pacer holds the uplink for a second.
        while (sim.Link.Uplinks.Count == 0 || sim.Link.Uplinks[^1].At != sim.Clock.NowMilliseconds - NodeSim.StepMs
            || !sim.Link.Uplinks[^1].Topic.EndsWith("property/post"))
        {
            sim.RunFor(NodeSim.StepMs);
        }
        long post = sim.Link.Uplinks[^1].At;
        sim.Link.Inject("property/get", Get(70));
        sim.RunFor(3_000);

        var reply = sim.Link.Uplinks.Single(u => u.Topic.EndsWith("property/get_reply"));
        Assert.Equal(post + RuntimeDefaults.UplinkIntervalMilliseconds, reply.At);
        sim.AssertUplinkPacing();
        var all = sim.Link.Uplinks.Where(u => u.At >= post).ToList();
        for (int i = 1; i < all.Count; i++) Assert.True(all[i].At - all[i - 1].At >= 1000, $"two uplinks within 1 s at {all[i].At}");
    }

    [Fact]
    public void ABurstOfRequestsIsPacedAndNoneWaitsLongerThanTheBound()
    {
        var sim = Online();
        long sent = sim.Clock.NowMilliseconds;
        for (int i = 0; i < 6; i++) sim.Link.Inject("property/get", Get(80 + i));
        sim.RunFor(6_000);

        var replies = sim.Link.Uplinks.Where(u => u.Topic.EndsWith("property/get_reply")).ToList();
        Assert.Equal(6, replies.Count);
        Assert.All(replies, r => Assert.InRange(r.At - sent, 0, RuntimeDefaults.MaxReplyWaitMilliseconds + 2 * NodeSim.StepMs));
        // Paced at first (one a second), then the rest at once when the bound is reached.
        Assert.True(replies[1].At - replies[0].At >= 1000);
        Assert.Equal(Enumerable.Range(80, 6).Select(i => i.ToString()), sim.Link.Replies.Select(r => r.Json.GetProperty("id").GetString()));
    }
}
