using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Ports;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// 200 real nodes (NodeBuilder, one MqttNetLink each) against one emulator that is stopped and restarted on the same
/// port, in accelerated virtual time: with full jitter the reconnects spread out, without jitter they come in lockstep;
/// either way no node loses a reading or breaks OneNET's login limit.
/// </summary>
public class FleetTests
{
    private const int NodeCount = 200;
    private const int ReportSeconds = 3;
    private const long OutageMs = 8000;
    /// <summary>Readings sampled up to this long before the end may still be on their way.</summary>
    private const long InFlightMarginMs = 6000;

    [Fact]
    public async Task JitterSpreadsTheReconnectsAfterAnEmulatorRestartAndNoNodeLosesReadings()
    {
        FleetOutcome jitter = await RunRestartAsync(i => new SeededRandom(1000 + i));
        FleetOutcome lockstep = await RunRestartAsync(_ => new NoJitter());

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{NodeCount} nodes, emulator restarted after {OutageMs / 1000} s: peak CONNECTs per virtual second during recovery: "
            + $"{jitter.PeakConnectsPerSecond} with full jitter, {lockstep.PeakConnectsPerSecond} without jitter; "
            + $"all online after {jitter.RecoveryMs / 1000.0:0.0} s / {lockstep.RecoveryMs / 1000.0:0.0} s of virtual time; "
            + $"real time {jitter.Real.TotalSeconds:0.0} s / {lockstep.Real.TotalSeconds:0.0} s");

        Assert.True(lockstep.PeakConnectsPerSecond >= NodeCount * 3 / 4, $"no lockstep without jitter: peak {lockstep.PeakConnectsPerSecond}");
        Assert.True(jitter.PeakConnectsPerSecond * 2 <= lockstep.PeakConnectsPerSecond,
            $"jitter peak {jitter.PeakConnectsPerSecond} is not at most half the lockstep peak {lockstep.PeakConnectsPerSecond}");
    }

    private sealed record FleetOutcome(int PeakConnectsPerSecond, long RecoveryMs, TimeSpan Real);

    /// <summary>Runs the fleet through one emulator restart and asserts what must hold in every run.</summary>
    private static async Task<FleetOutcome> RunRestartAsync(Func<int, IRandomSource> random)
    {
        await using var fleet = new FleetSimulation(NodeCount, random, ReportSeconds, workers: 4, realBudget: TimeSpan.FromSeconds(60));
        await fleet.StartEmulatorAsync();
        Assert.True(fleet.RunUntil(() => fleet.AllOnline() && EveryNodePosted(fleet), 30_000), Describe(fleet, "the fleet never came online"));
        fleet.RunFor(3000);

        long stoppedMs = fleet.Clock.NowMilliseconds;
        await fleet.StopEmulatorAsync();
        fleet.RunFor(OutageMs);
        long restartedMs = fleet.Clock.NowMilliseconds;
        await fleet.StartEmulatorAsync();
        OneNetEmulator restarted = fleet.Emulator;
        Assert.True(fleet.RunUntil(fleet.AllOnline, 120_000), Describe(fleet, "not every node came back"));
        long recoveryMs = fleet.Clock.NowMilliseconds - restartedMs;
        fleet.RunFor(10_000); // the back-fill of the outage and readings sampled after the restart

        Assert.True(fleet.AllOnline(), Describe(fleet, "a node dropped after recovery"));
        Assert.All(fleet.Emulators, e => Assert.Equal(0, e.Bans + e.Kicks)); // no login-limit ban, no duplicate session
        long endMs = fleet.Clock.NowMilliseconds;
        var posts = fleet.AcceptedPosts.ToLookup(p => p.DeviceName);
        foreach (FleetNode node in fleet.Nodes)
        {
            AssertLoginLimitKept(node);
            AssertReadingsComplete(node, posts[node.DeviceName].ToList(), stoppedMs, restartedMs, endMs);
            Assert.DoesNotContain(node.Log.Lines, l => l.Contains("sign=", StringComparison.Ordinal));
        }
        return new FleetOutcome(restarted.MaxConnectsPerSecond, recoveryMs, fleet.RealElapsed);
    }

    private static bool EveryNodePosted(FleetSimulation fleet)
    {
        var posted = fleet.AcceptedPosts.Select(p => p.DeviceName).ToHashSet();
        return fleet.Nodes.All(n => posted.Contains(n.DeviceName));
    }

    /// <summary>OneNET bans a device for a third CONNECT within 5 s: at most 2 attempts in any 5 s window.</summary>
    private static void AssertLoginLimitKept(FleetNode node)
    {
        List<long> attempts = node.Link.AttemptsMs;
        Assert.True(attempts.Count >= 2, node.DeviceName + " connected only " + attempts.Count + " times");
        for (int i = 2; i < attempts.Count; i++)
        {
            Assert.True(attempts[i] - attempts[i - 2] > 5000,
                $"{node.DeviceName}: 3 CONNECTs within 5 s at {attempts[i - 2]}, {attempts[i - 1]}, {attempts[i]} ms");
        }
    }

    /// <summary>
    /// The SHT3x is sampled every second at the shared tick (its timestamp a few ms later, after the measurement wait):
    /// the distinct timestamps of each identifier that reached the emulator must be one per second without a gap, from
    /// before the stop, through the outage, to shortly before the end; and every post lists its points in time order.
    /// </summary>
    private static void AssertReadingsComplete(FleetNode node, List<AcceptedPost> posts, long stoppedMs, long restartedMs, long endMs)
    {
        foreach (string identifier in new[] { "temperature", "humidity" })
        {
            foreach (AcceptedPost post in posts)
            {
                long[] inPost = post.Values.Where(v => v.Identifier == identifier).Select(v => v.TimeMs ?? -1).ToArray();
                Assert.True(inPost.SequenceEqual(inPost.Order()), $"{node.DeviceName} {post.Kind} {post.Id}: {identifier} points out of order");
            }
            // The back-fill goes oldest first: history posts, in the order the emulator accepted them, never go back in time
            // (a resent reading may repeat the newest time seen so far, never an older one).
            long[] backfill = posts.Where(p => p.Kind == "history/post").SelectMany(p => p.Values)
                .Where(v => v.Identifier == identifier).Select(v => v.TimeMs ?? -1).ToArray();
            for (int i = 1; i < backfill.Length; i++)
            {
                Assert.True(backfill[i] >= backfill[i - 1] || backfill.Take(i).Contains(backfill[i]),
                    $"{node.DeviceName}: {identifier} back-fill went back from {backfill[i - 1] - VirtualClock.UtcEpochMs} to {backfill[i] - VirtualClock.UtcEpochMs} ms");
            }
            Assert.Contains(backfill, t => t >= VirtualClock.UtcAt(stoppedMs) && t < VirtualClock.UtcAt(restartedMs));
            long cutoff = VirtualClock.UtcAt(endMs - InFlightMarginMs);
            long[] times = posts.SelectMany(p => p.Values).Where(v => v.Identifier == identifier)
                .Select(v => v.TimeMs ?? -1).Where(t => t < cutoff).Distinct().Order().ToArray();
            Assert.NotEmpty(times);
            Assert.True(times[0] <= VirtualClock.UtcAt(1000), $"{node.DeviceName}: first {identifier} reading at {times[0] - VirtualClock.UtcEpochMs} ms");
            for (int i = 1; i < times.Length; i++)
            {
                long gap = times[i] - times[i - 1];
                Assert.True(gap > 900 && gap < 1100,
                    $"{node.DeviceName}: {identifier} readings {times[i - 1] - VirtualClock.UtcEpochMs} → {times[i] - VirtualClock.UtcEpochMs} ms (stopped {stoppedMs}, restarted {restartedMs})");
            }
            Assert.True(times[^1] >= cutoff - 1100,
                $"{node.DeviceName}: last {identifier} reading before {endMs - InFlightMarginMs} ms is at {times[^1] - VirtualClock.UtcEpochMs} ms");
        }
    }

    private static string Describe(FleetSimulation fleet, string what)
    {
        var offline = fleet.Nodes.Where(n => !n.Runtime.Supervisor.IsOnline).ToList();
        string sample = offline.Count == 0 ? "" : offline[0].DeviceName + " " + offline[0].Runtime.Supervisor.State + ": "
            + string.Join(" | ", offline[0].Log.Lines.TakeLast(5));
        return $"{what} at virtual {fleet.Clock.NowMilliseconds} ms: {offline.Count} offline. {sample}";
    }

    /// <summary>No jitter: every backoff delay is its ceiling, so a fleet that dropped together retries together.</summary>
    private sealed class NoJitter : IRandomSource
    {
        public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : maxExclusive - 1;
    }
}
