using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The example configuration (nf-config.json: SHT3x, BME280, BH1750 and DHT22, a contact, a rain counter, a relay) as
/// NodeBuilder composes it, against a broker that answers every post through the real reply path (RunningExample), for
/// a virtual hour once warm: the node's steps allocate nothing (issue goal: at most ~1 KB per hour; docs/performance.md). The
/// simulated world (weather, a door, rain) is moved between the steps, outside what is measured.
/// </summary>
public class ExampleHourAllocationTests
{
    [Fact]
    public void AnHourOfTheExampleNodeAllocatesNothingInItsSteps()
    {
        var example = new RunningExample(c => c.Node.DiagnosticsIntervalSeconds = 60); // warm: every first read and key
        NodeRuntime node = example.Node;
        ReplyingLink link = example.Link;
        Assert.Equal(SupervisorState.Online, node.Supervisor.State);
        int postsBefore = link.Posts;
        long eventsBefore = node.InputEvents.Acknowledged;

        long allocated = example.Run(3_600_000);

        Assert.True(link.Posts - postsBefore > 100, $"only {link.Posts - postsBefore} posts");
        Assert.True(node.InputEvents.Acknowledged > eventsBefore, "no door event in the hour");
        Assert.Equal(0, node.Outbox.Rejected + node.Outbox.Dropped + node.Counters.SensorReadFailures);
        Assert.Equal(0, allocated);
    }
}
