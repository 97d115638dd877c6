using System.Linq;
using System.Text.Json;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// Desired values (docs/onenet-protocol.md "Desired values") and output reports on the NodeBuilder node against the
/// scripted OneNET: a desired value is deleted with the version it had once handled, a set deletes its identifiers'
/// desired values whatever the version, and every output state reaches the platform (boot, set, desired).
/// A "restart" is a new node on the same board and the same platform (SimLink keeps its desired values).
/// </summary>
public class DesiredValueTests
{
    private const string SetOff = "{\"id\":\"2\",\"version\":\"1.0\",\"params\":{\"relay1\":false}}";

    private static NodeHarness Restart(NodeHarness before)
    {
        var after = new NodeHarness(board: before.Board);
        // Same platform: its desired values and their versions carry over.
        foreach (var (key, value) in before.Link.Desired) after.Link.Desired[key] = value;
        foreach (var (key, value) in before.Link.DesiredVersions) after.Link.DesiredVersions[key] = value;
        return after;
    }

    private static double LatestRelay(NodeHarness h) => h.Link.Points.Where(p => p.Identifier == "relay1").OrderBy(p => p.Time).Last().Value;

    [Fact]
    public void AnAppliedDesiredValueIsDeletedWithItsVersionAndDoesNotComeBackAfterALaterSet()
    {
        var h = new NodeHarness();
        h.Link.Desired["relay1"] = JsonDocument.Parse("true").RootElement;
        h.Link.DesiredVersions["relay1"] = 3;
        h.RunUntil(60_000);

        Assert.True(h.Gpio.Read(NodeHarness.RelayPin));
        Assert.Equal("{\"relay1\":{\"version\":3}}", h.Link.DesiredDeletes[0]);
        Assert.Empty(h.Link.Desired);
        Assert.Equal(0, h.Node.DownlinkHandler.DesiredDeletes.Pending);

        Assert.Equal(ReplyCodes.Success, h.Answer("property/set", SetOff).GetProperty("code").GetInt32());
        h.RunFor(5_000);
        var rebooted = Restart(h);
        rebooted.RunUntil(60_000);

        Assert.Equal(1, rebooted.Link.DesiredGets);
        Assert.False(rebooted.Gpio.Read(NodeHarness.RelayPin)); // the reproduced bug: it came back on here
        Assert.Equal(0, LatestRelay(rebooted));
    }

    [Fact]
    public void ASetDeletesADesiredValueItNeverSawWhateverItsVersion()
    {
        var h = new NodeHarness();
        h.RunUntil(60_000);
        // Stored while the node was online: the node only reads desired values after a connect.
        h.Link.Desired["relay1"] = JsonDocument.Parse("true").RootElement;
        h.Link.DesiredVersions["relay1"] = 7;

        Assert.Equal(ReplyCodes.Success, h.Answer("property/set", SetOff).GetProperty("code").GetInt32());
        h.RunFor(3_000);

        Assert.Equal("{\"relay1\":{}}", Assert.Single(h.Link.DesiredDeletes));
        Assert.Empty(h.Link.Desired);
        var rebooted = Restart(h);
        rebooted.RunUntil(60_000);
        Assert.False(rebooted.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void ASetThatArrivesBeforeTheDesiredReplyWinsAndTheDesiredValueIsDeleted()
    {
        var h = new NodeHarness();
        h.Faults.ReplyLatencyMs = 1_500;
        h.Link.Desired["relay1"] = JsonDocument.Parse("true").RootElement;
        h.Link.DesiredVersions["relay1"] = 2;
        while (h.Link.DesiredGets == 0) h.RunFor(100);

        h.Link.Inject("property/set", "{\"id\":\"5\",\"version\":\"1.0\",\"params\":{\"relay1\":false}}");
        h.RunFor(10_000);

        Assert.False(h.Gpio.Read(NodeHarness.RelayPin));
        Assert.Contains(h.Log.Lines, l => l.Contains("desired value for 'relay1' not applied: a property/set came after it"));
        Assert.Empty(h.Link.Desired);
        Assert.Contains("{\"relay1\":{}}", h.Link.DesiredDeletes);
    }

    [Fact]
    public void AnInvalidDesiredValueIsDeletedAndLoggedNotAppliedEveryConnect()
    {
        var h = new NodeHarness();
        h.Link.Desired["relay1"] = JsonDocument.Parse("\"on\"").RootElement;
        h.Link.Desired["report_interval"] = JsonDocument.Parse("\"30\"").RootElement; // a quoted number is a number
        h.RunUntil(60_000);

        Assert.False(h.Gpio.Read(NodeHarness.RelayPin));
        Assert.Equal(30, h.Node.Settings.ReportIntervalSeconds);
        Assert.Contains(h.Log.Lines, l => l.Contains("desired value for 'relay1' ignored: wrong type or out of range"));
        Assert.Equal("{\"relay1\":{\"version\":1},\"report_interval\":{\"version\":1}}", Assert.Single(h.Link.DesiredDeletes));
        Assert.Empty(h.Link.Desired);
    }

    [Fact]
    public void ADeleteWithoutAReplyIsSentAgainInTheNextSession()
    {
        var h = new NodeHarness();
        h.Link.LoseDesiredDeleteReplies = true;
        h.Link.Desired["relay1"] = JsonDocument.Parse("true").RootElement;
        h.RunUntil(30_000);
        Assert.Single(h.Link.DesiredDeletes);
        Assert.Equal(1, h.Node.DownlinkHandler.DesiredDeletes.Pending);
        h.RunFor(30_000);
        Assert.Single(h.Link.DesiredDeletes); // not again in the same session

        h.Link.LoseDesiredDeleteReplies = false;
        h.Faults.BrokerOutages.Add((h.Clock.NowMilliseconds, h.Clock.NowMilliseconds + 1_000));
        h.RunFor(60_000);

        Assert.True(h.Node.Supervisor.Sessions >= 2);
        Assert.Equal(["{\"relay1\":{\"version\":1}}", "{\"relay1\":{\"version\":1}}"], h.Link.DesiredDeletes);
        Assert.Equal(0, h.Node.DownlinkHandler.DesiredDeletes.Pending);
    }

    [Fact]
    public void TheOutputStateIsPostedAtConnectAndAfterEverySetAndDesiredValue()
    {
        var h = new NodeHarness(c => c.Outputs[0].InitialOn = true);
        h.RunUntil(30_000);
        Assert.Equal(1, LatestRelay(h)); // the state it opened at

        h.Answer("property/set", SetOff);
        h.RunFor(3_000);
        Assert.Equal(0, LatestRelay(h));
        Assert.Equal(0, h.Node.Outbox.Depth); // acknowledged

        // At the next boot it opens at the saved state, reports it, then the desired value switches it and is reported.
        var rebooted = Restart(h);
        rebooted.Link.Desired["relay1"] = JsonDocument.Parse("true").RootElement;
        rebooted.RunUntil(30_000);
        var states = rebooted.Link.Points.Where(p => p.Identifier == "relay1").OrderBy(p => p.Time).Select(p => p.Value).ToList();
        Assert.Equal([0.0, 1.0], states);
        Assert.True(rebooted.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void EachSessionQueuesTheOutputStateOnceAndNotAgainWhileOneWaits()
    {
        var h = new NodeHarness();
        h.RunUntil(30_000);
        Assert.Single(h.Link.Points, p => p.Identifier == "relay1");

        h.Faults.BrokerOutages.Add((h.Clock.NowMilliseconds, h.Clock.NowMilliseconds + 1_000));
        h.RunFor(60_000);
        Assert.True(h.Node.Supervisor.Sessions >= 2);
        Assert.Equal(2, h.Link.Points.Count(p => p.Identifier == "relay1")); // acknowledged, so reported again

        h.Faults.ReplyLoss = 1; // nothing is acknowledged any more: the outbox keeps (and resends) what it holds
        for (int i = 0; i < 3; i++)
        {
            h.Faults.BrokerOutages.Add((h.Clock.NowMilliseconds, h.Clock.NowMilliseconds + 1_000));
            h.RunFor(30_000);
        }
        var pending = new PendingCounter(h.Node.Properties.IndexOf("relay1"));
        h.Node.Outbox.ForEachPending(pending);
        Assert.Equal(1, pending.Count);
    }

    private sealed class PendingCounter(int property) : IOutboxVisitor
    {
        public int Count;
        public void Visit(int p, double value, bool hasUtc, long timeMs) => Count += p == property ? 1 : 0;
    }
}
