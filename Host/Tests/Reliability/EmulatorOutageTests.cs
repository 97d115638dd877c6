using System;
using System.Linq;
using System.Threading.Tasks;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// The whole node over real MQTT against the in-process OneNET emulator, both on one accelerated virtual clock, through
/// a fault-injecting proxy: a 60 s partition (connections dropped, or black-holed) and an emulator restart, each while
/// the node samples and posts every second. Afterwards every reading has arrived as the runtime promises.
/// </summary>
public class EmulatorOutageTests
{
    private const long OutageMs = 60_000;

    private static async Task<(TestEmulator Emulator, ReliableNode Node)> StartAsync()
    {
        ReliableNode node = null;
        TestEmulator t = await TestEmulator.StartAsync(o => o.Clock = () => node.UtcNow);
        node = new ReliableNode(TestEmulator.ProductId, TestEmulator.DeviceName, TestEmulator.Key, t.Port);
        Assert.True(node.RunUntil(() => node.Node.Supervisor.IsOnline, 30_000), node.Trace());
        node.RunFor(20_000); // a steady stream before the fault
        return (t, node);
    }

    [Theory]
    [InlineData(FaultMode.Drop)]
    [InlineData(FaultMode.Stall)]
    public async Task EveryReadingSampledDuringAPartitionArrivesAfterwardsWithItsTime(FaultMode fault)
    {
        (TestEmulator t, ReliableNode node) = await StartAsync();
        await using (t)
        using (node)
        {
            NodeCounters counters = node.Node.Counters;
            long start = node.Now;
            node.ExpectReplies = false;
            node.Proxy.Mode = fault;
            node.RunFor(OutageMs);
            // A cut is seen at once; a black hole only once posts went unanswered for 3 reply timeouts (keep-alive never
            // fires on a link that keeps posting), and it must be seen before the 60 s are over.
            Assert.False(node.Node.Supervisor.IsOnline, node.Trace());
            if (fault == FaultMode.Stall) Assert.Contains(node.Log.Lines, l => l.Contains("connection stalled"));
            int disconnects = counters.MqttDisconnects;
            Assert.Equal(1, disconnects);

            long end = node.Now;
            node.ExpectReplies = true;
            node.Proxy.Mode = FaultMode.Pass;
            Assert.True(node.RunUntil(() => node.Node.Supervisor.IsOnline, 400_000), node.Trace());
            long recovered = node.Now;
            AssertRecoveredWithinBackoff(node, end, recovered);
            Assert.True(node.RunUntilDrained(120_000), node.Trace() + Describe(t));
            node.RunFor(5_000);

            Delivery.AssertComplete(Delivery.From(t.Emulator.AcceptedPosts), start, end,
                node.Config.Outbox.ReplyTimeoutSeconds * 1000L, 1000);
            AssertNoConnectStorm(node, t);
            Assert.Equal(0, node.Node.Outbox.Dropped);
            Assert.Equal(0, node.Node.Outbox.Rejected);
            Assert.Equal(0, counters.AuthFailures);
            Assert.Empty(t.Emulator.RejectedPosts);
        }
    }

    [Fact]
    public async Task TheEmulatorStoppedAndRestartedOnTheSamePortLosesNoReading()
    {
        (TestEmulator t, ReliableNode node) = await StartAsync();
        await using (t)
        using (node)
        {
            long start = node.Now;
            node.ExpectReplies = false;
            await t.Emulator.StopAsync();
            node.RunFor(OutageMs);
            Assert.False(node.Node.Supervisor.IsOnline, node.Trace());
            long end = node.Now;
            await t.Emulator.StartAsync(); // same instance, same port: its records go on
            node.ExpectReplies = true;
            Assert.True(node.RunUntil(() => node.Node.Supervisor.IsOnline, 400_000), node.Trace());
            AssertRecoveredWithinBackoff(node, end, node.Now);
            Assert.True(node.RunUntilDrained(120_000), node.Trace());
            node.RunFor(5_000);

            Delivery.AssertComplete(Delivery.From(t.Emulator.AcceptedPosts), start, end,
                node.Config.Outbox.ReplyTimeoutSeconds * 1000L, 1000);
            AssertNoConnectStorm(node, t);
            Assert.Equal(0, node.Node.Outbox.Dropped);
            Assert.Equal(2, node.Node.Counters.MqttConnects);
        }
    }

    internal static string Describe(TestEmulator t) =>
        "\nemulator: " + string.Join(", ", t.Emulator.AcceptedPosts.GroupBy(p => p.Kind).Select(g => g.Key + " " + g.Count()))
        + "; rejected: " + string.Join(" | ", t.Emulator.RejectedPosts.Take(3).Select(r => r.Code + " " + r.Msg))
        + "; events: " + string.Join(" | ", t.Emulator.ConnectionEvents.TakeLast(5).Select(e => e.What));

    /// <summary>
    /// The reconnect after the outage ended came no later than the last backoff delay could be (min(cap, base·2^n) for
    /// the n-th delay of this outage), plus the login limit's 5 s window and one step.
    /// </summary>
    internal static void AssertRecoveredWithinBackoff(ReliableNode node, long outageEndMs, long onlineMs)
    {
        NodeCounters c = node.Node.Counters;
        int delays = c.MqttDisconnects + (c.ConnectAttempts - c.MqttConnects);
        var backoff = new Backoff(node.Config.Watchdog.BackoffBaseSeconds * 1000, node.Config.Watchdog.BackoffCapSeconds * 1000, null);
        long bound = backoff.Ceiling(delays - 1) + 5_000 + Supervisor.ConnectDeadlineMs;
        Assert.True(onlineMs - outageEndMs <= bound,
            $"online {onlineMs - outageEndMs} ms after the outage, the backoff allows {bound} ms ({delays} delays)\n{node.Trace()}");
    }

    /// <summary>Never 3 CONNECTs within 5 s: from the node's own attempts, its counters and what the emulator saw.</summary>
    internal static void AssertNoConnectStorm(ReliableNode node, TestEmulator t)
    {
        Assert.Equal(node.Node.Counters.ConnectAttempts, node.Link.ConnectTimes.Count);
        Assert.True(ReliableNode.MostInWindow(node.Link.ConnectTimes, 5_000) <= 2, string.Join(",", node.Link.ConnectTimes));
        var seen = t.Emulator.ConnectTimes.Select(d => d.ToUnixTimeMilliseconds()).ToList();
        Assert.True(ReliableNode.MostInWindow(seen, 5_000) <= 2, string.Join(",", seen));
        Assert.Equal(0, t.Emulator.Bans);
    }
}
