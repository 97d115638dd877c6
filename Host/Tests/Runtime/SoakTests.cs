using System;
using System.Collections.Generic;
using System.Linq;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Runtime;

/// <summary>
/// 24 hours of virtual time with a random fault schedule per seed. The seed is the test case's argument, so a failing
/// case names its seed and replays exactly: dotnet test --filter "FullyQualifiedName~Soak" and read "seed: N".
/// </summary>
public class SoakTests
{
    private const long Min = 60_000;
    private const long Day = 24 * 60 * Min;
    /// <summary>After a fault ends the node may still wait out its backoff (cap 5 min) before it is online again.</summary>
    private const long Slack = 6 * Min;

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(1, 16).Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TwentyFourHoursOfRandomFaultsKeepEveryInvariant(int seed)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"seed: {seed}");
        try
        {
            Soak(seed);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException || !e.Message.StartsWith("seed"))
        {
            throw new Xunit.Sdk.XunitException($"seed {seed} (this case replays it exactly): {e.Message}");
        }
    }

    private static void Soak(int seed)
    {
        var random = new Random(seed);
        FaultPlan faults = RandomPlan(random);
        var sim = new NodeSim(faults, seed: seed);
        sim.Sampler.EventEveryMs = 30_000 + random.Next(120_000);
        sim.Clock.IsUtcValid = random.Next(2) == 0;
        long clockValidAt = random.Next(180_000);
        sim.RunUntil(clockValidAt);
        sim.Clock.IsUtcValid = true;
        sim.RunUntil(Day - 30 * Min);
        // A quiet last half hour: everything still in the outbox must get through.
        faults.ReplyLoss = 0;
        faults.ReplyRejection = 0;
        faults.SlowReplyRate = 0;
        sim.RunUntil(Day - 2 * Min);
        sim.Sampler.IntervalMs = int.MaxValue; // stop sampling so the outbox can be seen empty at the end
        sim.Sampler.EventEveryMs = int.MaxValue;
        sim.RunUntil(Day);

        sim.AssertLoginLimit();
        sim.AssertUplinkPacing();
        sim.AssertDelivered();
        sim.AssertEventsDelivered();
        Assert.True(sim.Link.Events.Count >= sim.Sampler.Raised.Count / 2, $"only {sim.Link.Events.Count} of {sim.Sampler.Raised.Count} events arrived");
        Assert.Equal(0, sim.Node.InputEvents.Depth);
        sim.AssertNoSecretsLogged();
        Assert.Equal(SupervisorState.Online, sim.Node.Supervisor.State);
        Assert.Equal(0, sim.Node.Outbox.Depth);
        Assert.True(sim.Link.MaxPendingDeliveries < 100);
        // Every reboot was the ladder's last rung: at least 15 minutes offline.
        for (int i = 0; i < sim.Reboots.Count; i++)
        {
            long at = sim.Reboots[i];
            Assert.True(OfflineFor(faults, at) >= 15 * Min,
                $"seed {seed}: reboot at {at} ({sim.RebootReasons[i]}) without a long outage: "
                + string.Join(" ", faults.NetworkOutages.Concat(faults.BrokerOutages).Concat(faults.AuthRejections)
                    .Concat(faults.DuplicateKicks).Where(w => w.Item1 < at && w.Item2 > at - 30 * Min)));
        }
    }

    /// <summary>How long before t some fault was continuously active (overlapping windows merged).</summary>
    private static long OfflineFor(FaultPlan faults, long t)
    {
        var windows = faults.NetworkOutages.Concat(faults.BrokerOutages).Concat(faults.AuthRejections)
            .Concat(faults.DuplicateKicks).OrderBy(w => w.Item1).ToList();
        long start = -1, end = -1;
        foreach (var (from, to) in windows)
        {
            if (from > t)
            {
                break;
            }
            if (start < 0 || from > end + Slack)
            {
                start = from;
                end = to;
            }
            else
            {
                end = Math.Max(end, to);
            }
        }
        return start >= 0 && end >= t - Slack ? t - start : 0;
    }

    private static FaultPlan RandomPlan(Random r)
    {
        var plan = new FaultPlan
        {
            Random = new Random(r.Next()),
            ReplyLoss = r.NextDouble() * 0.3,
            ReplyRejection = r.NextDouble() * 0.03,
            SlowReplyRate = r.NextDouble() * 0.2,
            ReplyLatencyMs = 50 + r.Next(800),
        };
        Add(plan.NetworkOutages, r, 6, 10_000, 25 * Min);
        Add(plan.BrokerOutages, r, 6, 5_000, 25 * Min);
        Add(plan.AuthRejections, r, 2, 30_000, 10 * Min);
        Add(plan.DuplicateKicks, r, 2, 60_000, 15 * Min);
        return plan;
    }

    private static void Add(List<(long, long)> windows, Random r, int max, long shortest, long longest)
    {
        int count = r.Next(max + 1);
        for (int i = 0; i < count; i++)
        {
            long from = (long)(r.NextDouble() * (Day - 2 * 60 * Min));
            windows.Add((from, from + shortest + (long)(r.NextDouble() * (longest - shortest))));
        }
    }
}
