using System.Linq;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Runtime;

/// <summary>Connectivity and the watchdog ladder under scripted faults, in virtual time.</summary>
public class SupervisorScenarioTests
{
    private const long Min = 60_000;

    [Fact]
    public void HealthyHourConnectsOnceAndDeliversEveryReadingWithItsTimestamp()
    {
        var sim = new NodeSim();
        sim.RunUntil(60 * Min);
        Assert.Single(sim.Link.ConnectAttempts);
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        Assert.Equal(0, sim.AssertDelivered());
        Assert.True(sim.Sampler.Sampled.Count >= 700);
        sim.AssertUplinkPacing();
        Assert.Equal(1, sim.Link.DesiredGets);
        Assert.True(sim.Link.Points.Count(p => p.Identifier == "diag_uptime") >= 6);
        Assert.Empty(sim.Reboots);
    }

    [Fact]
    public void BrokerOutageIsBackfilledWithHistoryPostsAndRespectsTheLoginLimit()
    {
        var faults = new FaultPlan();
        faults.BrokerOutages.Add((10 * Min, 22 * Min));
        var sim = new NodeSim(faults, c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        sim.RunUntil(40 * Min);
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        Assert.Equal(0, sim.AssertDelivered());
        Assert.Contains(sim.Link.Points, p => p.Topic == "history/post");
        sim.AssertLoginLimit();
        sim.AssertUplinkPacing();
        Assert.True(sim.Link.DesiredGets >= 2, "desired/get after the reconnect");
        // Backoff stays within min(cap, base·2^n) plus the blocking CONNECT: never an attempt storm, never a long silence.
        var during = sim.Link.ConnectAttempts.Where(t => t >= 10 * Min && t < 22 * Min).ToList();
        Assert.InRange(during.Count, 4, 12 * 60 / 2);
        for (int i = 1; i < during.Count; i++)
        {
            Assert.True(during[i] - during[i - 1] <= 300_000 + 3_000 + 2 * NodeSim.StepMs);
        }
    }

    [Fact]
    public void NetworkLossClimbsTheLadderAtExactlyTheConfiguredTimes()
    {
        var faults = new FaultPlan();
        faults.NetworkOutages.Add((0, long.MaxValue));
        var sim = new NodeSim(faults);
        sim.RunUntil(16 * Min);
        // Restart the network at 5 and 10 min of downtime, reboot at 15 min (defaults), all within one step.
        Assert.Equal(2, sim.Network.Restarts.Count);
        Assert.InRange(sim.Network.Restarts[0], 5 * Min, 5 * Min + NodeSim.StepMs);
        Assert.InRange(sim.Network.Restarts[1], 10 * Min, 10 * Min + NodeSim.StepMs);
        Assert.Single(sim.Reboots);
        Assert.InRange(sim.Reboots[0], 15 * Min, 15 * Min + NodeSim.StepMs);
        Assert.Empty(sim.Link.ConnectAttempts);
        NodeRecord record = NodeRecord.Parse(sim.Board.Record);
        Assert.Equal(2, record.BootCount);
        Assert.Equal(1, record.RecentWatchdogReboots);
        Assert.Equal("offline for 15 min", sim.Node.Diagnostics.LastResetReason);
    }

    [Fact]
    public void RebootAfterZeroMinutesNeverReboots()
    {
        var faults = new FaultPlan();
        faults.NetworkOutages.Add((0, long.MaxValue));
        var sim = new NodeSim(faults, c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        sim.RunUntil(120 * Min);
        Assert.Empty(sim.Reboots);
        Assert.Equal(23, sim.Network.Restarts.Count); // at 5, 10, … 115 min
    }

    [Fact]
    public void DowntimeLadderCountsFromTheLastOnlineMoment()
    {
        var faults = new FaultPlan();
        faults.BrokerOutages.Add((30 * Min, long.MaxValue));
        var sim = new NodeSim(faults);
        sim.RunUntil(50 * Min);
        Assert.Single(sim.Reboots);
        // The session is noticed lost on the first step at or after 30 min; a CONNECT in progress may delay the check.
        Assert.InRange(sim.Reboots[0], 45 * Min, 45 * Min + faults.ConnectFailDurationMs + 2 * NodeSim.StepMs);
        sim.AssertLoginLimit();
    }

    [Fact]
    public void AuthRejectionWaitsAtLeast30SecondsAndIsCounted()
    {
        var faults = new FaultPlan();
        faults.AuthRejections.Add((0, 10 * Min));
        var sim = new NodeSim(faults, c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        sim.RunUntil(20 * Min);
        var rejected = sim.Link.ConnectAttempts.Where(t => t < 10 * Min).ToList();
        Assert.True(rejected.Count >= 5);
        for (int i = 1; i < rejected.Count; i++)
        {
            Assert.True(rejected[i] - rejected[i - 1] >= 30_000, "auth failures retry after 30 s at the earliest");
        }
        Assert.Equal(rejected.Count, sim.Node.Counters.AuthFailures);
        Assert.Contains(sim.Log.Lines, l => l.Contains("refused the credentials"));
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        Assert.Equal(0, sim.AssertDelivered());
        sim.AssertNoSecretsLogged();
    }

    [Fact]
    public void DuplicateDeviceKicksAreReportedAndBackedOffFurther()
    {
        var faults = new FaultPlan();
        faults.DuplicateKicks.Add((0, 30 * Min));
        var sim = new NodeSim(faults, c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        sim.RunUntil(30 * Min);
        Assert.True(sim.Node.Counters.DuplicateDeviceSuspected);
        Assert.Contains(sim.Log.Lines, l => l.Contains("another board using device name 'node-01'"));
        var t = sim.Link.ConnectAttempts;
        // After the third quick drop every retry waits at least the duplicate penalty.
        for (int i = 3; i < t.Count; i++)
        {
            Assert.True(t[i] - t[i - 1] >= RuntimeDefaults.DuplicatePenaltyMilliseconds, $"retry {i} after {t[i] - t[i - 1]} ms");
        }
        Assert.True(t.Count < 20);
        sim.AssertLoginLimit();
        sim.RunUntil(60 * Min);
        // 30 min of readings (about 320 fit the 16 KB outbox): the back-fill takes every other uplink slot even in 2 s
        // sessions (a report never starves it), so nothing overflowed and everything arrived.
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        Assert.Equal(0, sim.Dropped);
        Assert.Equal(sim.Dropped, sim.AssertDelivered());
    }

    [Fact]
    public void ATokenIsMadeFreshForEveryConnectAndNeverWithoutAValidClock()
    {
        var faults = new FaultPlan();
        faults.BrokerOutages.Add((5 * Min, 8 * Min));
        var sim = new NodeSim(faults);
        sim.Clock.IsUtcValid = false;
        sim.RunUntil(2 * Min);
        Assert.Empty(sim.Link.ConnectAttempts);
        sim.Clock.IsUtcValid = true;
        sim.RunUntil(20 * Min);
        Assert.All(sim.Link.Passwords, p => Assert.NotNull(p));
        Assert.Equal(sim.Link.Passwords.Count, sim.Link.Passwords.Distinct().Count());
        Assert.DoesNotContain(ConnectResult.NotAuthorized, sim.Link.ConnectResults);
        // Readings taken before SNTP still carry their exact time (derived from the monotonic clock).
        Assert.Equal(0, sim.AssertDelivered());
    }

    [Fact]
    public void StoppedHeartbeatRebootsAfterTheTimeout()
    {
        var sim = new NodeSim();
        sim.RunUntil(5 * Min);
        sim.FreezeMainLoop = true;
        sim.RunUntil(5 * Min + 130_000);
        Assert.Single(sim.Reboots);
        Assert.InRange(sim.Reboots[0], 5 * Min + 120_000 - NodeSim.StepMs, 5 * Min + 120_000 + NodeSim.StepMs);
        Assert.Equal("main loop heartbeat stopped", sim.RebootReasons[0]);
        Assert.Equal("main loop heartbeat stopped", sim.Node.Diagnostics.LastResetReason);
    }

    [Fact]
    public void LowMemoryRebootsOnlyWhenItStaysLow()
    {
        var sim = new NodeSim();
        sim.RunUntil(Min);
        sim.Board.FreeBytes = 1000;
        sim.RunFor(20_000);
        sim.Board.FreeBytes = 100_000;
        sim.RunFor(20_000);
        Assert.Empty(sim.Reboots);
        sim.Board.FreeBytes = 1000;
        sim.RunFor(40_000);
        Assert.Single(sim.Reboots);
        Assert.StartsWith("free memory below", sim.RebootReasons[0]);
    }

    [Fact]
    public void BootLoopGuardStopsWatchdogRebootsButKeepsConnecting()
    {
        var faults = new FaultPlan();
        faults.NetworkOutages.Add((0, 100 * Min));
        var sim = new NodeSim(faults);
        sim.RunUntil(99 * Min);
        // 5 reboots at 15-minute intervals, then the guard holds.
        Assert.Equal(5, sim.Reboots.Count);
        Assert.True(sim.Node.Counters.BootLoopGuardActive);
        Assert.Contains(sim.Log.Lines, l => l.Contains("boot-loop guard"));
        sim.RunUntil(100 * Min + 60 * Min + 2 * Min);
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        // Online for the boot-loop window: the guard is cleared and recorded.
        Assert.False(sim.Node.Counters.BootLoopGuardActive);
        Assert.Equal(0, NodeRecord.Parse(sim.Board.Record).RecentWatchdogReboots);
        Assert.Equal(5, sim.Reboots.Count);
    }

    [Fact]
    public void ARefusedOptionalSubscriptionIsLoggedAndTheSessionStaysUp()
    {
        var sim = new NodeSim();
        sim.Link.RefusedFilters.Add("$sys/PID0000001/node-01/ota/inform");
        sim.RunUntil(60 * Min);
        Assert.Single(sim.Link.ConnectAttempts);
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        // Separate requests: the required wildcard first, then the optional filter alone.
        Assert.Equal(new[] { NodeSim.Prefix + "#" }, sim.Link.SubscribeRequests[0]);
        Assert.Equal(new[] { "$sys/PID0000001/node-01/ota/inform" }, sim.Link.SubscribeRequests[1]);
        Assert.Contains(sim.Log.Lines, l => l.StartsWith("W SUBSCRIBE of $sys/PID0000001/node-01/ota/inform refused"));
        Assert.Equal(0, sim.AssertDelivered());
    }

    [Fact]
    public void ARefusedRequiredSubscriptionEndsTheSessionAndBacksOff()
    {
        var sim = new NodeSim(configure: c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        sim.Link.RefusedFilters.Add(NodeSim.Prefix + "#");
        sim.RunUntil(30 * Min);
        Assert.NotEqual(SupervisorState.Online, sim.Node.Supervisor.State);
        Assert.Equal(0, sim.Node.Supervisor.Sessions);
        Assert.InRange(sim.Link.ConnectAttempts.Count, 3, 30); // backed off, not a reconnect storm
        Assert.DoesNotContain(sim.Link.SubscribeRequests, r => r.Contains("$sys/PID0000001/node-01/ota/inform"));
        sim.AssertLoginLimit();
    }
}
