using System;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Node;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The example configuration (nf-config.json: SHT3x, BME280, BH1750 and DHT22, a contact, a rain counter, a relay) as
/// NodeBuilder composes it, against a broker that answers every post through the real reply path, for a virtual hour
/// once warm: the node's steps allocate nothing (issue goal: at most ~1 KB per hour; docs/performance.md). The
/// simulated world (weather, a door, rain) is moved between the steps, outside what is measured.
/// </summary>
public class ExampleHourAllocationTests
{
    [Fact]
    public void AnHourOfTheExampleNodeAllocatesNothingInItsSteps()
    {
        NodeConfig config = ConfigFile.Load(RepoPaths.Of("nf-config.json")).Config;
        config.Node.DiagnosticsIntervalSeconds = 60;
        var clock = new VirtualClock();
        var world = new SimulatedWorld(config, clock);
        var link = new ReplyingLink();
        NodeRuntime node = NodeBuilder.Build(config, new SimNetwork(clock, new FaultPlan()), link, clock, new SimBoard(),
            new SimLog(), new HmacSigner(), world.Sensors, world.Gpio, new SeededRandom(1));
        long allocated = 0;
        void Run(long steps)
        {
            for (long i = 0; i < steps; i++)
            {
                world.Update(clock.NowMilliseconds / 1000.0);
                long before = GC.GetAllocatedBytesForCurrentThread();
                link.DeliverReplies();
                node.Supervisor.Step(clock.NowMilliseconds);
                node.Loop.Step(clock.NowMilliseconds);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                clock.Advance(RuntimeDefaults.StepMilliseconds);
            }
        }
        Run(6_000); // ten minutes: connect, desired/get, every driver's first read, the keys encoded
        Assert.Equal(SupervisorState.Online, node.Supervisor.State);
        int postsBefore = link.Posts;
        long eventsBefore = node.InputEvents.Acknowledged;

        allocated = 0;
        Run(3_600_000 / RuntimeDefaults.StepMilliseconds);

        Assert.True(link.Posts - postsBefore > 100, $"only {link.Posts - postsBefore} posts");
        Assert.True(node.InputEvents.Acknowledged > eventsBefore, "no door event in the hour");
        Assert.Equal(0, node.Outbox.Rejected + node.Outbox.Dropped + node.Counters.SensorReadFailures);
        Assert.Equal(0, allocated);
    }
}
