using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OneNetFirmware.Host.Simulation;
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
    private static readonly TimeSpan RealWait = TimeSpan.FromSeconds(10);

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
            if (fault == FaultMode.Drop) Assert.True(node.WaitForLink(false, RealWait));
            // A cut is seen at once; a black hole once posts went unanswered for 3 reply timeouts (keep-alive never fires
            // on a link that keeps posting), counted from the first unanswered post (the first after the stall began).
            Assert.True(node.RunUntil(() => !node.Node.Supervisor.IsOnline, OutageMs), node.Trace());
            long detected = node.Now - start;
            long stallMs = RuntimeDefaults.StallReplyTimeouts * node.Config.Outbox.ReplyTimeoutSeconds * 1000L;
            if (fault == FaultMode.Drop) Assert.True(detected <= 1_000, detected + " ms");
            else Assert.InRange(detected, stallMs, stallMs + 3_000);
            if (fault == FaultMode.Stall) Assert.Contains(node.Log.Lines, l => l.Contains("connection stalled"));
            node.RunUntil(start + OutageMs);
            Assert.False(node.Node.Supervisor.IsOnline, node.Trace());
            Assert.Equal(1, counters.MqttDisconnects);

            long end = node.Now;
            node.ExpectReplies = true;
            node.Proxy.Mode = FaultMode.Pass;
            AssertDeliveredAfter(t, node, start, end);
            Assert.Equal(0, node.Node.Outbox.Rejected);
            Assert.Equal(0, counters.AuthFailures);
            Assert.Empty(t.Emulator.RejectedPosts);
        }
    }

    [Fact]
    public async Task ARouteThatLosesOnlyTheRepliesEndsInResendsNeverInLosses()
    {
        (TestEmulator t, ReliableNode node) = await StartAsync();
        await using (t)
        using (node)
        {
            long start = node.Now;
            int accepted = t.Emulator.AcceptedPosts.Count;
            node.ExpectReplies = false;
            node.Proxy.Mode = FaultMode.OneWay;
            Assert.True(node.RunUntil(() => !node.Node.Supervisor.IsOnline, OutageMs), node.Trace());
            Assert.Contains(node.Log.Lines, l => l.Contains("connection stalled"));
            Assert.True(t.Emulator.AcceptedPosts.Count > accepted); // the posts got through, their replies did not
            node.RunUntil(start + OutageMs);
            long end = node.Now;
            node.ExpectReplies = true;
            node.Proxy.Mode = FaultMode.Pass;
            node.AssertRecovers(end);
            node.Drain(Describe(t));

            List<ReceivedPoint> points = Delivery.From(t.Emulator.AcceptedPosts);
            Delivery.AssertComplete(points, start, end, node.Config.Outbox.ReplyTimeoutSeconds * 1000L, 1000, repliesLostDuringOutage: true);
            // At least once: what went unanswered was sent again after the reconnect.
            Assert.Contains(points.GroupBy(p => (p.Identifier, p.TimeMs)), g => g.Count() > 1 && g.Last().ReceivedAtMs - VirtualClock.UtcEpochMs > end);
            Assert.True(ReliableNode.MostInWindow(node.Link.ConnectTimes, 5_000) <= 2, string.Join(",", node.Link.ConnectTimes));
            Assert.Equal(0, t.Emulator.Bans);
            Assert.Equal(0, node.Node.Outbox.Dropped);
        }
    }

    [Fact]
    public async Task ASlowLinkKeepsTheSessionAndDeliversEveryReadingOnce()
    {
        (TestEmulator t, ReliableNode node) = await StartAsync();
        await using (t)
        using (node)
        {
            long start = node.Now;
            int posts = t.Emulator.AcceptedPosts.Count;
            node.Proxy.Mode = FaultMode.Slow;
            node.RunFor(20_000);
            long end = node.Now;
            node.Proxy.Mode = FaultMode.Pass;
            node.Drain(Describe(t));
            Assert.True(t.Emulator.AcceptedPosts.Count >= posts + 15, Describe(t));
            Delivery.AssertComplete(Delivery.From(t.Emulator.AcceptedPosts), start, end, node.Config.Outbox.ReplyTimeoutSeconds * 1000L, 1000);
            Assert.Equal(0, node.Node.Counters.MqttDisconnects);
            Assert.Equal(1, node.Node.Counters.MqttConnects);
            List<ReceivedPoint> points = Delivery.From(t.Emulator.AcceptedPosts);
            Assert.Equal(points.Count, points.Select(p => (p.Identifier, p.TimeMs)).Distinct().Count());
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
            Assert.True(node.WaitForLink(false, RealWait));
            node.RunFor(OutageMs);
            Assert.False(node.Node.Supervisor.IsOnline, node.Trace());
            long end = node.Now;
            await t.Emulator.StartAsync(); // same instance, same port: its records go on
            node.ExpectReplies = true;
            AssertDeliveredAfter(t, node, start, end);
            Assert.Equal(2, node.Node.Counters.MqttConnects);
        }
    }

    /// <summary>After an outage from start to end (virtual ms): back online within the backoff, every reading delivered
    /// as promised, nothing dropped, no CONNECT storm.</summary>
    private static void AssertDeliveredAfter(TestEmulator t, ReliableNode node, long start, long end)
    {
        node.AssertRecovers(end);
        node.Drain(Describe(t));
        Delivery.AssertComplete(Delivery.From(t.Emulator.AcceptedPosts), start, end, node.Config.Outbox.ReplyTimeoutSeconds * 1000L, 1000);
        AssertNoConnectStorm(node, t);
        Assert.Equal(0, node.Node.Outbox.Dropped);
    }

    internal static string Describe(TestEmulator t) =>
        "\nemulator: " + string.Join(", ", t.Emulator.AcceptedPosts.GroupBy(p => p.Kind).Select(g => g.Key + " " + g.Count()))
        + "; rejected: " + string.Join(" | ", t.Emulator.RejectedPosts.Take(3).Select(r => r.Code + " " + r.Msg))
        + "; events: " + string.Join(" | ", t.Emulator.ConnectionEvents.TakeLast(5).Select(e => e.What));

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
