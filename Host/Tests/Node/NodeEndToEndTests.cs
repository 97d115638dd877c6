using System.Linq;
using System.Text.Json;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>The node as NodeBuilder composes it speaks real OneJSON with a simulated OneNET.</summary>
public class NodeEndToEndTests
{
    private static NodeHarness Online()
    {
        var h = new NodeHarness();
        h.RunUntil(60_000);
        Assert.Equal(SupervisorState.Online, h.Node.Supervisor.State);
        return h;
    }

    private static JsonElement Answer(NodeHarness h, string topic, string payload) => h.Answer(topic, payload);

    [Fact]
    public void ConnectsWithARealOneNetToken()
    {
        NodeHarness h = Online();
        string password = Assert.Single(h.Link.Passwords.Distinct().Take(1));
        Assert.StartsWith("version=2018-10-31&res=products%2FPID0000001%2Fdevices%2Fnode-01&et=", password);
        Assert.Contains("&method=sha256&sign=", password);
    }

    [Fact]
    public void SensorReadingsArePostedAsWrappedValuesWithTimesAndAcknowledged()
    {
        NodeHarness h = Online();
        h.RunFor(60_000);

        var posts = h.Link.Points.Where(p => p.Topic == "property/post").ToList();
        var temperatures = posts.Where(p => p.Identifier == "temperature").ToList();
        Assert.True(temperatures.Count >= 3, $"only {temperatures.Count} temperature points");
        Assert.All(temperatures, p => Assert.Equal(21.5, p.Value, 1));
        Assert.All(posts.Where(p => p.Identifier == "humidity"), p => Assert.Equal(40, p.Value, 1));
        // Every point carries the UTC time of its reading: on the virtual clock's epoch, within the run.
        Assert.All(posts, p => Assert.InRange(p.Time!.Value, Simulation.VirtualClock.UtcAt(0), Simulation.VirtualClock.UtcAt(h.Clock.NowMilliseconds)));
        // Readings taken before the first connect go out as one history post; fresh ones as property posts.
        Assert.All(h.Link.Uplinks.Where(u => u.Topic.EndsWith("/post")),
            u => Assert.Contains(u.Topic, new[] { NodeHarness.Prefix + "property/post", NodeHarness.Prefix + "history/post" }));
        Assert.True(h.Link.Uplinks.Count(u => u.Topic == NodeHarness.Prefix + "property/post") >= 3);
        // The platform's post/reply 200 (parsed by the real OneJsonReader) completed them: nothing waits, nothing was lost.
        Assert.Equal(0, h.Node.Outbox.Depth);
        Assert.Equal(0, h.Node.Outbox.Dropped);
    }

    [Fact]
    public void PropertySetOfTheRelayDrivesThePinAndRepliesSuccess()
    {
        NodeHarness h = Online();
        Assert.False(h.Gpio.Read(NodeHarness.RelayPin));

        JsonElement reply = Answer(h, "property/set", "{\"id\":\"41\",\"version\":\"1.0\",\"params\":{\"relay1\":true}}");

        Assert.Equal("property/set_reply", h.Link.Replies[^1].Topic);
        Assert.Equal("41", reply.GetProperty("id").GetString());
        Assert.Equal(ReplyCodes.Success, reply.GetProperty("code").GetInt32());
        Assert.True(h.Gpio.Read(NodeHarness.RelayPin));

        Answer(h, "property/set", "{\"id\":\"42\",\"version\":\"1.0\",\"params\":{\"relay1\":false}}");
        Assert.False(h.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void UnknownIdentifierGetsTheUnifiedCodeAndChangesNothing()
    {
        NodeHarness h = Online();

        JsonElement reply = Answer(h, "property/set", "{\"id\":\"43\",\"version\":\"1.0\",\"params\":{\"relay1\":true,\"nosuch\":1}}");

        Assert.Equal("43", reply.GetProperty("id").GetString());
        Assert.Equal(ReplyCodes.UnknownIdentifier, reply.GetProperty("code").GetInt32());
        Assert.Contains("nosuch", reply.GetProperty("msg").GetString());
        Assert.False(h.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void PropertyGetAnswersWithTheCurrentValues()
    {
        NodeHarness h = Online();
        h.RunFor(15_000);

        JsonElement reply = Answer(h, "property/get", "{\"id\":\"44\",\"version\":\"1.0\",\"params\":[\"temperature\",\"relay1\"]}");

        Assert.Equal(ReplyCodes.Success, reply.GetProperty("code").GetInt32());
        Assert.Equal(21.5, reply.GetProperty("data").GetProperty("temperature").GetDouble(), 1);
        Assert.False(reply.GetProperty("data").GetProperty("relay1").GetBoolean());
    }

    [Fact]
    public void InvalidJsonChangesNothingAndIsAnswered400WhenItsIdCanBeRecovered()
    {
        NodeHarness h = Online();
        JsonElement reply = Answer(h, "property/set", "{\"id\":\"45\",\"params\":{\"relay1\":tru}}");
        Assert.Equal(ReplyCodes.Malformed, reply.GetProperty("code").GetInt32());
        int replies = h.Link.Replies.Count;
        h.Link.Inject("property/set", "{\"params\":{\"relay1\":tru}}");
        h.RunFor(2_000);
        Assert.Equal(replies, h.Link.Replies.Count); // no id to answer
        Assert.Equal(SupervisorState.Online, h.Node.Supervisor.State);
        Assert.False(h.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void DiagnosticsReportEachSensorsFailuresAndLatestStatus()
    {
        var h = new NodeHarness(c => c.Node.DiagnosticsIntervalSeconds = 60);
        h.Chip.Absent = true;
        h.RunUntil(75_000); // past the second diagnostics post

        Assert.Equal(SupervisorState.Online, h.Node.Supervisor.State);
        SimLink.Point failures = h.Link.Points.Last(p => p.Identifier == "diag_s0_failures");
        Assert.InRange(failures.Value, 2, 7); // 10 s interval, doubling while it keeps failing
        Assert.Equal((double)ReadStatus.NotFound, h.Link.Points.Last(p => p.Identifier == "diag_s0_status").Value);
        Assert.DoesNotContain(h.Link.Points, p => p.Identifier == "temperature");

        h.Chip.Absent = false;
        h.RunFor(300_000);
        Assert.Equal(0.0, h.Link.Points.Last(p => p.Identifier == "diag_s0_status").Value);
        Assert.Contains(h.Link.Points, p => p.Identifier == "temperature");
    }

    [Fact]
    public void DiagnosticsReportTheDownlinksThatCouldNotBeRead()
    {
        var h = new NodeHarness(c => c.Node.DiagnosticsIntervalSeconds = 60);
        h.RunUntil(60_000);
        Assert.Equal(SupervisorState.Online, h.Node.Supervisor.State);
        h.Link.Inject("property/set", "{\"id\":\"47\",\"params\":{\"relay1\":tru}}"); // malformed, answered 400
        h.Link.Inject("property/set", "not json at all");                               // malformed, no id
        h.Link.Inject("property/set", "{\"id\":\"48\",\"params\":{\"relay1\":true,\"pad\":\"" + new string('x', 2000) + "\"}}"); // oversize, 413
        h.RunFor(70_000);

        Assert.Equal(3, h.Link.Points.Last(p => p.Identifier == "diag_bad_downlinks").Value);
        Assert.False(h.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void WrongTypeForTheRelayGetsTheUnifiedCode()
    {
        NodeHarness h = Online();
        JsonElement reply = Answer(h, "property/set", "{\"id\":\"46\",\"version\":\"1.0\",\"params\":{\"relay1\":\"on\"}}");
        Assert.Equal(ReplyCodes.WrongType, reply.GetProperty("code").GetInt32());
        Assert.False(h.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void CounterInputPostsItsTotalAndRate()
    {
        const int pin = 26;
        var h = new NodeHarness(c => c.Inputs =
            [new InputConfig { Type = "counter", Pin = pin, Identifier = "rain", RateIdentifier = "rain_rate", Scale = 0.5 }]);
        h.RunUntil(30_000);
        for (int i = 0; i < 12; i++)
        {
            h.Gpio.Set(pin, false);
            h.Gpio.Set(pin, true);
        }
        h.RunFor(120_000);

        var rain = h.Link.Points.Where(p => p.Identifier == "rain").ToList();
        Assert.NotEmpty(rain);
        Assert.Equal(6, rain[^1].Value); // 12 pulses × 0.5
        Assert.Contains(h.Link.Points, p => p.Identifier == "rain_rate");
    }

    [Fact]
    public void TheFirstSessionReportsAtOnceNotAWholeIntervalLater()
    {
        var h = new NodeHarness(c => c.Node.ReportIntervalSeconds = 300);
        h.RunUntil(30_000);
        Assert.Equal(SupervisorState.Online, h.Node.Supervisor.State);
        long connected = h.Link.ConnectAttempts[0];

        var reports = h.Link.Uplinks.Where(u => u.Topic == NodeHarness.Prefix + "property/post").ToList();
        Assert.Single(reports);
        Assert.InRange(reports[0].At - connected, 0, 3_000);
        Assert.Contains(h.Link.Points, p => p.Identifier == "temperature" && p.Topic == "property/post");

        // Later sessions keep the interval: a reconnect does not report early.
        h.Faults.BrokerOutages.Add((40_000, 45_000));
        h.RunUntil(200_000);
        Assert.Single(h.Link.Uplinks, u => u.Topic == NodeHarness.Prefix + "property/post");
        Assert.True(h.Node.Supervisor.Sessions >= 2);
    }

    [Fact]
    public void AnOtaNoticeIsRecognisedLoggedAndIgnored()
    {
        NodeHarness h = Online();
        int uplinks = h.Link.Uplinks.Count(u => !u.Topic.EndsWith("/post"));
        h.Link.InjectOnTopic("$sys/PID0000001/node-01/ota/inform",
            "{\"id\":\"90\",\"version\":\"1.0\",\"params\":{\"tid\":1,\"version\":\"2.0\"}}");
        h.RunFor(2_000);

        Assert.Equal(1, h.Node.DownlinkHandler.OtaNotices);
        Assert.Equal(0, h.Node.Counters.MalformedDownlinks);
        Assert.Equal(0, h.Node.Events.UnknownTopics);
        Assert.Contains(h.Log.Lines, l => l.Contains("OTA notice received") && l.Contains("ignored"));
        Assert.Equal(uplinks, h.Link.Uplinks.Count(u => !u.Topic.EndsWith("/post"))); // not answered
        Assert.Equal(SupervisorState.Online, h.Node.Supervisor.State);
    }
}
