using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The heap the example configuration (nf-config.json) holds on a 32-bit nanoCLR, per feature, counted from the objects
/// NodeBuilder builds (HeapBudget) once the node has run for eleven virtual minutes — connected, subscribed, desired
/// values fetched, reports and a diagnostics post answered — so the keys it encodes on first use and anything it grows
/// are counted; it matches the table in docs/performance.md, and each setting costs what the docs say.
/// </summary>
public class HeapBudgetTests(ITestOutputHelper output)
{
    private static NodeRuntime Build(Action<NodeConfig> change = null) => new RunningExample(change).Node;

    private static int Total(NodeRuntime node) => HeapBudget.Measure(node).Sum(r => r.Bytes);

    [Fact]
    public void TheDocumentedTableMatchesTheExampleConfiguration()
    {
        var measured = HeapBudget.Measure(Build()).ToList();
        int total = measured.Sum(r => r.Item2);
        foreach (var (feature, bytes) in measured) output.WriteLine($"| {feature} | {bytes:N0} |");
        output.WriteLine($"| **total** | **{total:N0}** |");

        // | feature | bytes | rows of the table in docs/performance.md "Heap held per feature"
        string doc = File.ReadAllText(RepoPaths.Of("docs", "performance.md"));
        var documented = new Dictionary<string, int>();
        foreach (Match row in Regex.Matches(doc, @"^\| ([^|\n]+?) \| \*{0,2}([\d,]+)\*{0,2} \|", RegexOptions.Multiline))
        {
            documented[row.Groups[1].Value.Trim('*')] = int.Parse(row.Groups[2].Value.Replace(",", ""));
        }
        foreach (var (feature, bytes) in measured.Append(("total", total)))
        {
            Assert.True(documented.TryGetValue(feature, out int doc_bytes), $"docs/performance.md has no row '| {feature} | {bytes:N0} |'");
            Assert.True(doc_bytes == bytes, $"docs/performance.md is stale: '{feature}' documented {doc_bytes:N0} B, measured {bytes:N0} B");
        }
    }

    [Fact]
    public void TheRunningExampleHoldsAtMostTheIssuesFortyKilobytes()
    {
        // The goal of "Zero allocation … on the device": a running node holds at most 40 KB of managed heap. A change
        // that grows a buffer, a table or a per-reading array past it fails here with the rows that grew.
        var rows = HeapBudget.Measure(Build());
        int total = rows.Sum(r => r.Bytes);
        Assert.True(total <= 40 * 1024, $"the example holds {total:N0} B:\n" + string.Join("\n", rows.Select(r => $"{r.Bytes,7:N0} {r.Feature}")));
    }

    [Fact]
    public void TheHeapHeldStaysFlatOverHoursOfCommandsAndDroppedSessions()
    {
        // Once every kind of work has run once, hours more of it (reports, events, diagnostics, sets, gets, service
        // calls, dropped sessions and reconnects) hold not one byte more: nothing grows for a board left running for
        // months.
        var example = new RunningExample();
        example.Disturb(0);
        example.Run(15 * 60_000);
        var before = HeapBudget.Measure(example.Node);
        int posts = example.Link.Posts;
        for (int round = 1; round <= 6; round++)
        {
            example.Disturb(round);
            example.Run(60 * 60_000);
        }
        var after = HeapBudget.Measure(example.Node);

        Assert.True(example.Link.Posts - posts > 500, $"only {example.Link.Posts - posts} posts in six hours");
        Assert.True(example.Node.Supervisor.Sessions >= 8, "sessions: " + example.Node.Supervisor.Sessions);
        Assert.Equal(7 * 3, example.Link.Replies); // every set, get and invoke was answered
        for (int i = 0; i < before.Length; i++)
        {
            Assert.True(before[i].Bytes == after[i].Bytes, $"'{before[i].Feature}' grew from {before[i].Bytes:N0} to {after[i].Bytes:N0} B");
        }
    }

    [Fact]
    public void EachSettingCostsWhatTheDocsSay()
    {
        int baseline = Total(Build());
        // Per 120 more: the outbox's per-reading arrays (PendingSlots: state, time kind and post in 1 byte + time 8;
        // property 2, value 8 = 19 B) and the event outbox's per-event ones (9 + event 2 + value 1 = 12 B).
        int readings = Total(Build(c => c.Outbox.CapacityReadings += 120)) - baseline;
        int events = Total(Build(c => c.Outbox.CapacityEvents += 120)) - baseline;
        int bytes = Total(Build(c => c.Outbox.CapacityBytes *= 2)) - baseline;
        int relay = Total(Build(c => c.Outputs = [.. c.Outputs, new OutputConfig { Type = "relay", Pin = 25, Identifier = "relay2" }])) - baseline;
        int sensor = Total(Build(c => c.Sensors = [.. c.Sensors, new SensorConfig
        {
            Type = "aht20", Bus = 1, Address = "0x38", IntervalSeconds = 30,
            Channels = [new ChannelConfig { Quantity = "temperature", Identifier = "boxTemp" }, new ChannelConfig { Quantity = "humidity", Identifier = "boxHumidity" }],
        }])) - baseline;
        int contact = Total(Build(c => c.Inputs = [.. c.Inputs, new InputConfig { Type = "contact", Pin = 32, Pull = "up", Identifier = "windowOpen" }])) - baseline;
        output.WriteLine($"120 more readings: {readings} B; 120 more events: {events} B; capacityBytes doubled: {bytes} B; a relay: {relay} B; "
            + $"an AHT20 with two channels: {sensor} B; a contact input: {contact} B");

        Assert.Equal(120 * 19, readings);
        Assert.Equal(120 * 12, events);
        Assert.Equal(0, bytes); // a bound, not a buffer
        Assert.Equal(348, relay); // the table's row for an output
        Assert.Equal(1620, sensor); // the table's row for a sensor
        Assert.Equal(432, contact); // the table's row for an input
    }
}
