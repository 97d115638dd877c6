using System.Linq;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>
/// Battery mode end to end on the virtual clock: the real node (NodeBuilder) wakes, samples, connects, posts, waits for
/// the replies or the awake limit, saves the outbox to the (in-memory) file and deep-sleeps — over many wake-ups with
/// the broker reachable, unreachable and lossy.
/// </summary>
public class BatteryCycleTests
{
    private const int LimitMs = 30_000;

    /// <summary>Every wake-up's temperature arrived once with the time it was sampled; the back-fill oldest first.</summary>
    private static void AssertAllArrivedWithTheirTimes(BatteryHarness h, System.Collections.Generic.IEnumerable<int> wakes)
    {
        var expected = wakes.Select(i => (h.Wakes[i].Temperature, (long?)h.Wakes[i].SampledUtc)).OrderBy(x => x.Item2);
        var temperatures = h.Temperatures();
        Assert.Equal(expected, temperatures.Select(p => (p.Value, p.Time)).OrderBy(x => x.Time));
        var history = temperatures.Where(p => p.Topic == "history/post").Select(p => p.Time).ToList();
        Assert.Equal(history.OrderBy(t => t), history);
    }

    [Fact]
    public void WithTheBrokerReachableEachWakeUpPostsItsReadingAndSleepsWellBeforeTheLimit()
    {
        var h = new BatteryHarness();

        h.Wake(5);

        var temperatures = h.Temperatures();
        Assert.Equal(h.Wakes.Select(w => w.Temperature), temperatures.Select(p => p.Value));
        Assert.Equal(h.Wakes.Select(w => (long?)w.SampledUtc), temperatures.Select(p => p.Time));
        Assert.All(h.Wakes, w => Assert.True(w.AwakeMs < 10_000, "awake " + w.AwakeMs + " ms"));
        Assert.False(h.Cycle.LimitReached);
        Assert.Empty(h.Storage.Bytes); // nothing unacknowledged: no file
        Assert.Equal(5, h.Link.ConnectAttempts.Count);
        Assert.Contains(h.Log.Lines, l => l.Contains("battery: wake-up 5 (timer), 0 saved readings restored"));
    }

    [Fact]
    public void ReadingsAccumulateInTheFileWhileTheBrokerIsDownAndAllArriveInOrderWithTheirTimesLater()
    {
        var h = new BatteryHarness();
        h.Faults.BrokerOutages.Add((0, long.MaxValue));

        for (int wake = 1; wake <= 3; wake++)
        {
            h.Wake();
            Assert.True(h.Cycle.LimitReached);
            Assert.Equal(2 * wake, h.Node.Outbox.Depth); // temperature and humidity of every wake-up so far
            Assert.Equal(2 * (wake - 1), h.File.Restored);
        }
        Assert.Empty(h.Link.Points);
        h.Faults.BrokerOutages.Clear();
        h.Wake();

        AssertAllArrivedWithTheirTimes(h, Enumerable.Range(0, 4));
        Assert.Equal(3, h.Temperatures().Count(p => p.Topic == "history/post"));
        Assert.Equal(8, h.Link.Points.Count(p => p.Identifier is "temperature" or "humidity"));
        Assert.False(h.Cycle.LimitReached);
        Assert.Empty(h.Storage.Bytes);
        Assert.Equal(0, h.Dropped);
    }

    [Fact]
    public void TheAwakeLimitEndsAWakeUpThatCannotConnect()
    {
        var h = new BatteryHarness();
        h.Faults.NetworkOutages.Add((0, long.MaxValue));

        h.Wake(3);

        // The harness steps the supervisor on the loop's thread, so a blocking call may finish past the limit; on the
        // device the supervisor has its own thread and the limit is exact.
        Assert.All(h.Wakes, w => Assert.InRange(w.AwakeMs, LimitMs, LimitMs + h.Faults.ConnectFailDurationMs + 100));
        Assert.Contains(h.Log.Lines, l => l.Contains("awake limit of 30 s reached (OneNET not reached)"));
    }

    [Fact]
    public void AReplyThatNeverComesKeepsTheReadingsForTheNextWakeUp()
    {
        var h = new BatteryHarness();
        h.Faults.ReplyLoss = 1;

        h.Wake();

        Assert.True(h.Cycle.LimitReached);
        Assert.Contains(h.Log.Lines, l => l.Contains("(replies missing)"));
        Assert.Equal(3, h.Node.Outbox.Depth); // temperature, humidity and relay1's state (reported at connect)
        Assert.NotEmpty(h.Storage.Bytes);
        h.Faults.ReplyLoss = 0;
        h.Wake();

        Assert.False(h.Cycle.LimitReached);
        Assert.Equal(3, h.File.Restored);
        Assert.Empty(h.Storage.Bytes);
        // Each post reached the platform but no reply came back (resent after every reply timeout, then once more on
        // the next wake-up): at-least-once, so duplicates arrive — every one with its original time.
        var temperatures = h.Temperatures();
        Assert.Equal(new double[] { 20, 20.5 }, temperatures.Select(p => p.Value).Distinct().Order());
        Assert.All(temperatures, p => Assert.Equal(h.Wakes[p.Value == 20 ? 0 : 1].SampledUtc, p.Time));
        Assert.Equal("history/post", temperatures[^1].Topic); // the last copy is the next wake-up's back-fill
    }

    [Fact]
    public void ReadingsTakenBeforeTheClockWasEverSetGetTheirTrueTimeAfterTheSleep()
    {
        var h = new BatteryHarness();
        h.Clock.IsUtcValid = false; // no SNTP: no token, so no CONNECT either

        h.Wake(2);
        h.Clock.IsUtcValid = true;
        h.Wake();

        AssertAllArrivedWithTheirTimes(h, Enumerable.Range(0, 3));
    }

    [Fact]
    public void AfterAPowerOnReadingsWithoutTimeAreDroppedAndCountedButTimedOnesKept()
    {
        var h = new BatteryHarness();
        h.Clock.IsUtcValid = false;
        h.Wake();
        h.Sleep.WokeFromDeepSleep = false; // the battery was changed: the sleep length is unknown
        h.Clock.IsUtcValid = true;

        h.Wake();

        Assert.Equal(2, h.File.UntimedDropped);
        Assert.Equal(new[] { 20.5 }, h.Temperatures().Select(p => p.Value));
        Assert.Contains(h.Log.Lines, l => l.Contains("their age is unknown"));
    }

    [Fact]
    public void ACorruptFileIsIgnoredWithAWarningAndTheNodeCarriesOn()
    {
        var h = new BatteryHarness();
        h.Storage.Bytes = [(byte)'O', (byte)'B', 1, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4];

        h.Wake();

        Assert.Contains(h.Log.Lines, l => l.StartsWith("W outbox file: checksum mismatch"));
        Assert.Equal(0, h.File.Restored);
        Assert.Single(h.Temperatures());
        Assert.False(h.Cycle.LimitReached);
    }

    [Fact]
    public void TheFileNeverOutgrowsTheOutboxCapacityAndTheNewestReadingsSurvive()
    {
        // No relay: its state, reported at each connect, would take one of the six places the sums below count.
        var h = new BatteryHarness(c =>
        {
            c.Outbox.CapacityReadings = 6;
            c.Outputs = [];
        });
        h.Faults.BrokerOutages.Add((0, long.MaxValue));
        int max = 0;

        for (int i = 0; i < 6; i++)
        {
            h.Wake();
            max = System.Math.Max(max, h.Storage.Bytes.Length);
        }
        h.Faults.BrokerOutages.Clear();
        h.Wake();

        Assert.True(max <= OutboxFile.MaxBytes(h.Node.Properties, 6), max + " bytes");
        Assert.Equal(OutboxFile.MaxBytes(h.Node.Properties, 6), max);
        Assert.True(h.Dropped > 0);
        // Capacity 6 = 3 wake-ups of (temperature, humidity): the 4th to 6th outage wake-ups survive, plus the last one.
        AssertAllArrivedWithTheirTimes(h, Enumerable.Range(4, 3));
    }

    [Fact]
    public void TheRebootServiceSavesTheOutboxBeforeTheBoardResets()
    {
        var h = new BatteryHarness();
        h.Faults.ReplyLoss = 1; // the readings stay unacknowledged

        h.Wake(x => x.Link.Inject("service/reboot/invoke", "{\"id\":\"7\",\"version\":\"1.0\",\"params\":{}}"));

        Assert.Equal(3, h.SavedReadings()); // temperature, humidity and relay1's state (reported at connect)
        Assert.Contains(h.Log.Lines, l => l.Contains("battery: outbox saved before the requested reboot"));
        Assert.Equal(-1, h.Sleep.RequestedSeconds); // reset, not deep sleep
        h.Faults.ReplyLoss = 0;
        h.Wake();

        Assert.Equal(3, h.File.Restored);
        Assert.Contains(h.Log.Lines, l => l.Contains("battery: wake-up 2 (power-on or reset), 3 saved readings restored"));
        Assert.Empty(h.Storage.Bytes);
    }

    [Fact]
    public void DiagnosticsArePostedOnlyOnEveryNthWakeUp()
    {
        var h = new BatteryHarness(c =>
        {
            c.Node.DiagnosticsIntervalSeconds = 600;
            c.Battery.DiagnosticsEveryWakeups = 3;
        });

        h.Wake(6);

        Assert.Equal(2, h.Link.Points.Count(p => p.Identifier == "diag_uptime"));
        Assert.Equal(6, h.Temperatures().Count);
    }

    [Fact]
    public void TheDesiredRelayStateSetWhileAsleepIsAppliedOnTheNextWakeUp()
    {
        var h = new BatteryHarness();
        h.Wake();
        Assert.False(h.Gpio.Read(Node.NodeHarness.RelayPin));
        h.Link.Desired["relay1"] = System.Text.Json.JsonDocument.Parse("true").RootElement;

        h.Wake();

        Assert.Equal(2, h.Link.DesiredGets);
        Assert.True(h.Gpio.Read(Node.NodeHarness.RelayPin));
    }
}
