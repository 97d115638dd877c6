using System.Collections.Generic;
using System.Linq;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>Contact, motion and button inputs of the NodeBuilder node become OneNET event posts (scripted OneNET, virtual clock).</summary>
public class NodeEventTests
{
    private const int DoorPin = 27;
    private const int PirPin = 32;
    private const int BellPin = 33;

    private static NodeHarness Harness(System.Action<NodeHarness> faults = null, System.Action<NodeConfig> configure = null)
    {
        var h = new NodeHarness(c =>
        {
            c.Inputs =
            [
                new InputConfig { Type = "contact", Pin = DoorPin, Pull = "up", Identifier = "door" },
                new InputConfig { Type = "motion", Pin = PirPin, Pull = "down", Identifier = "pir" },
                new InputConfig { Type = "button", Pin = BellPin, Pull = "up", Identifier = "bell" },
            ];
            configure?.Invoke(c);
        });
        faults?.Invoke(h);
        return h;
    }

    /// <summary>Drives the pin and steps until the debounced change was seen; returns the step it was seen in.</summary>
    private static (long From, long To) Toggle(NodeHarness h, int pin, bool high)
    {
        h.Gpio.Set(pin, high);
        long raised = h.Node.InputEvents.Raised;
        long start = h.Clock.NowMilliseconds;
        while (true)
        {
            long from = h.Clock.NowMilliseconds;
            h.RunFor(RuntimeDefaults.StepMilliseconds);
            if (h.Node.InputEvents.Raised != raised) return (from, h.Clock.NowMilliseconds);
            Assert.True(from - start < 1000, "the change was never seen");
        }
    }

    /// <summary>Each event carries the UTC time of the step its change was seen in (a sensor read may take part of it).</summary>
    private static void AssertTimes(List<(long From, long To)> steps, IEnumerable<long?> times)
    {
        var t = times.ToList();
        Assert.Equal(steps.Count, t.Count);
        for (int i = 0; i < t.Count; i++)
        {
            Assert.InRange(t[i]!.Value, VirtualClock.UtcAt(steps[i].From), VirtualClock.UtcAt(steps[i].To));
        }
    }

    [Fact]
    public void AContactChangePostsAnEventWithItsTimeAndThe200ReplyCompletesIt()
    {
        NodeHarness h = Harness();
        h.RunUntil(60_000);
        Assert.True(h.Node.Supervisor.IsOnline);

        var closed = Toggle(h, DoorPin, false); // pull-up contact: low = closed
        h.RunFor(1_500);
        var opened = Toggle(h, DoorPin, true);
        h.RunFor(3_000);

        Assert.Equal(2, h.Link.Events.Count);
        Assert.All(h.Link.Events, e => Assert.Equal("door", e.Identifier));
        Assert.Equal("{\"open\":false}", h.Link.Events[0].Value.GetRawText());
        Assert.Equal("{\"open\":true}", h.Link.Events[1].Value.GetRawText());
        AssertTimes([closed, opened], h.Link.Events.Select(e => e.Time));
        Assert.True(closed.From >= 60_100, "the 50 ms debounce is seen at the next 100 ms step, not at once");
        Assert.Equal(2, h.Link.Uplinks.Count(u => u.Topic == NodeHarness.Prefix + "event/post"));
        Assert.Equal(0, h.Node.InputEvents.Depth);
        Assert.Equal(2, h.Node.InputEvents.Acknowledged);
    }

    [Fact]
    public void MotionAndButtonEventsNameTheirParameter()
    {
        NodeHarness h = Harness();
        h.RunUntil(60_000);
        Toggle(h, PirPin, true);
        Toggle(h, BellPin, false);
        Toggle(h, BellPin, true);
        h.RunFor(5_000);

        Assert.Equal(["pir", "bell", "bell"], h.Link.Events.Select(e => e.Identifier));
        Assert.Equal(["{\"detected\":true}", "{\"pressed\":true}", "{\"pressed\":false}"],
            h.Link.Events.Select(e => e.Value.GetRawText()));
        // One event per post, at most one uplink per second with everything else.
        var posts = h.Link.Uplinks.Where(u => u.Topic.EndsWith("/post")).ToList();
        for (int i = 1; i < posts.Count; i++) Assert.True(posts[i].At - posts[i - 1].At >= 1000);
    }

    [Fact]
    public void TogglesWhileOfflineAreDeliveredInOrderAfterTheReconnect()
    {
        NodeHarness h = Harness(x => x.Faults.BrokerOutages.Add((70_000, 130_000)));
        h.RunUntil(75_000);
        Assert.False(h.Node.Supervisor.IsOnline);
        var times = new List<(long, long)>();
        for (int i = 0; i < 6; i++)
        {
            times.Add(Toggle(h, DoorPin, i % 2 == 1));
            h.RunFor(2_000);
        }
        Assert.Empty(h.Link.Events);
        h.RunUntil(300_000);

        AssertTimes(times, h.Link.Events.Select(e => e.Time));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => i % 2 == 1 ? "{\"open\":true}" : "{\"open\":false}"),
            h.Link.Events.Select(e => e.Value.GetRawText()));
        Assert.Equal(0, h.Node.InputEvents.Depth);
        Assert.Equal(0, h.Node.InputEvents.Dropped);
    }

    [Fact]
    public void AFullQueueDropsTheOldestEventsAndCountsThemInTheDiagnostics()
    {
        NodeHarness h = Harness(x => x.Faults.BrokerOutages.Add((0, 400_000)), c =>
        {
            c.Node.DiagnosticsIntervalSeconds = 60;
            c.Outbox.CapacityEvents = 12;
        });
        h.RunFor(1_000); // the first poll takes the starting level
        int toggles = h.Config.Outbox.CapacityEvents + 8;
        var times = new List<(long, long)>();
        for (int i = 0; i < toggles; i++)
        {
            times.Add(Toggle(h, DoorPin, i % 2 == 1));
        }
        Assert.Equal(h.Config.Outbox.CapacityEvents, h.Node.InputEvents.Depth);
        Assert.Equal(8, h.Node.InputEvents.Dropped);
        h.RunUntil(1_000_000); // the backoff after a long outage may wait up to 5 minutes
        Assert.True(h.Node.Supervisor.IsOnline);

        AssertTimes(times.Skip(8).ToList(), h.Link.Events.Select(e => e.Time));
        Assert.Equal(0, h.Node.InputEvents.Depth);
        Assert.Equal(8, h.Link.Points.Last(p => p.Identifier == "diag_events_dropped").Value);
    }

    [Fact]
    public void ANon200ReplyDropsTheEventWithoutRetrying()
    {
        NodeHarness h = Harness();
        h.RunUntil(60_000);
        h.Link.EventReplyCode = 2402;
        Toggle(h, DoorPin, false);
        h.RunFor(30_000);

        Assert.Equal(1, h.Link.Uplinks.Count(u => u.Topic.EndsWith("event/post")));
        Assert.Equal(1, h.Node.InputEvents.Rejected);
        Assert.Equal(0, h.Node.InputEvents.Depth);
        Assert.Contains(h.Log.Lines, l => l.Contains("rejected event 'door'") && l.Contains("2402"));
    }

    [Fact]
    public void ALostReplyIsResentAfterTheTimeoutWithTheOriginalTime()
    {
        NodeHarness h = Harness();
        h.RunUntil(60_000);
        h.Link.LoseEventReplies = true;
        var at = Toggle(h, DoorPin, false);
        h.RunFor(5_000);
        h.Link.LoseEventReplies = false;
        h.RunFor(15_000);

        Assert.Equal(2, h.Node.InputEvents.Posted);
        Assert.Equal(1, h.Node.InputEvents.Acknowledged);
        Assert.Equal(0, h.Node.InputEvents.Depth);
        AssertTimes([at, at], h.Link.Events.Select(e => e.Time));
        Assert.Equal(h.Link.Events[0].Time, h.Link.Events[1].Time);
        Assert.Equal(2, h.Link.Events.Select(e => e.PostId).Distinct().Count()); // at least once: the platform saw both
    }

    [Fact]
    public void EventPostsLeftUnansweredEndTheSessionLikeReadingPostsDo()
    {
        // Readings are reported once an hour here: after the first report only the event posts wait for replies.
        NodeHarness h = Harness(configure: c => c.Node.ReportIntervalSeconds = 3600);
        h.RunUntil(60_000);
        Assert.Equal(SupervisorState.Online, h.Node.Supervisor.State);
        h.Link.LoseEventReplies = true;
        Toggle(h, DoorPin, false);
        h.RunFor(RuntimeDefaults.StallReplyTimeouts * 10_000 - 2_000);
        Assert.DoesNotContain(h.Log.Lines, l => l.Contains("connection stalled"));
        h.RunFor(3_000);
        Assert.Contains(h.Log.Lines, l => l.Contains("connection stalled"));

        h.Link.LoseEventReplies = false;
        h.RunFor(60_000);
        Assert.Equal(SupervisorState.Online, h.Node.Supervisor.State);
        Assert.Equal(0, h.Node.InputEvents.Depth); // sent again in the new session, and acknowledged
        Assert.Equal(h.Link.Events[0].Time, h.Link.Events[^1].Time);
    }

    [Fact]
    public void ABouncingContactRaisesOneEvent()
    {
        NodeHarness h = Harness();
        h.RunUntil(60_000);
        h.Gpio.Bounce(DoorPin, false, 5);
        h.RunFor(3_000);
        Assert.Single(h.Link.Events);
    }

    [Fact]
    public void TheSimulatedWorldOpensTheSampleConfigsDoorSoRunShowsEvents()
    {
        NodeConfig config = ConfigFile.Load(RepoPaths.Of("nf-config.json")).Config;
        var clock = new VirtualClock();
        var faults = new FaultPlan();
        var world = new SimulatedWorld(config, clock);
        var link = new SimLink(clock, faults, "$sys/" + config.OneNet.ProductId + "/" + config.OneNet.DeviceName + "/thing/");
        NodeRuntime node = NodeBuilder.Build(config, new SimNetwork(clock, faults), link, clock, new SimBoard(), new SimLog(),
            new HmacSigner(), world.Sensors, world.Gpio, new SeededRandom(1));
        while (clock.NowMilliseconds < 130_000)
        {
            link.Tick();
            node.Supervisor.Step(clock.NowMilliseconds);
            link.Tick();
            world.Update(clock.NowMilliseconds / 1000.0);
            node.Loop.Step(clock.NowMilliseconds);
            clock.Advance(RuntimeDefaults.StepMilliseconds);
        }

        // The door opens at 5 s, closes at 25 s, opens at 65 s and closes at 85 s, and opens again at 125 s.
        Assert.Equal(["{\"open\":true}", "{\"open\":false}", "{\"open\":true}", "{\"open\":false}", "{\"open\":true}"],
            link.Events.Select(e => e.Value.GetRawText()));
        Assert.All(link.Events, e => Assert.Equal("doorOpen", e.Identifier));
        long[] expected = [5_000, 25_000, 65_000, 85_000, 125_000];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.InRange(link.Events[i].Time!.Value, VirtualClock.UtcAt(expected[i]), VirtualClock.UtcAt(expected[i] + 1_000));
        }
        Assert.Equal(0, node.InputEvents.Depth);
    }

    [Fact]
    public void AChatteringInputCannotStarveTheReadings()
    {
        NodeHarness h = Harness();
        h.RunUntil(60_000);
        int reportsBefore = h.Link.Uplinks.Count(u => u.Topic == NodeHarness.Prefix + "property/post");
        long start = h.Clock.NowMilliseconds;
        // The button changes every 300 ms for a minute: far more events than one uplink a second can carry.
        for (int i = 0; i < 200; i++)
        {
            h.Gpio.Set(BellPin, i % 2 == 1);
            h.RunFor(300);
        }

        var uplinks = h.Link.Uplinks.Where(u => u.At >= start).ToList();
        int reports = h.Link.Uplinks.Count(u => u.Topic == NodeHarness.Prefix + "property/post") - reportsBefore;
        Assert.True(reports >= 5, $"only {reports} property posts in a minute with a 10 s report interval");
        Assert.True(uplinks.Count(u => u.Topic.EndsWith("event/post")) >= 40);
        Assert.True(h.Node.InputEvents.Dropped > 0); // the queue is bounded: the oldest presses went
        Assert.Equal(h.Config.Outbox.CapacityEvents, h.Node.InputEvents.Depth, 2.0);
    }
}
