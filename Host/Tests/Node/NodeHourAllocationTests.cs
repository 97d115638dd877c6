using System;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// A virtual hour of the whole node as NodeBuilder composes it for the device (real SensorSampler on a simulated SHT3x
/// and contact input, real OneJsonPayloadWriter, LinkEvents, DownlinkQueue, OneJsonDownlinkParser, DownlinkHandler,
/// outboxes, supervisor and main loop), with the platform answering every post through the real reply path: once warm
/// it allocates nothing on the thread that runs it, the replies' delivery to the node included (issue goal: at most
/// ~1 KB per hour; docs/performance.md). ReplyingLink stands in for the broker; its reply arrays, one per message as
/// M2Mqtt's, are made before the hour starts.
/// </summary>
public class NodeHourAllocationTests
{
    private const int ContactPin = 27;

    [Fact]
    public void AnHourOfTheNodeWithRepliesAllocatesNothing()
    {
        var clock = new VirtualClock();
        NodeConfig config = NodeHarness.SensorNodeConfig("PID0000001", "node-01", Convert.ToBase64String(new byte[32]), 5);
        config.Node.DiagnosticsIntervalSeconds = 60;
        config.Inputs = [new InputConfig { Type = "contact", Pin = ContactPin, Identifier = "door" }];
        var hardware = new SimulatedSensorHardware();
        hardware.Bus(1).Attach(0x44, new Sht3xChip(clock) { Temperature = 21.5, Humidity = 40 });
        var gpio = new SimulatedGpio();
        var link = new ReplyingLink();
        NodeRuntime node = NodeBuilder.Build(config, new SimNetwork(clock, new FaultPlan()), link, clock, new SimBoard(), new SimLog(),
            new HmacSigner(), hardware, gpio, new SeededRandom(1));
        long step = 0;
        void Run(long steps)
        {
            for (long i = 0; i < steps; i++, step++)
            {
                if (step % 70 == 0) gpio.Set(ContactPin, step / 70 % 2 == 0); // a door change every 7 s
                link.DeliverReplies();
                node.Supervisor.Step(clock.NowMilliseconds);
                node.Loop.Step(clock.NowMilliseconds);
                clock.Advance(RuntimeDefaults.StepMilliseconds);
            }
        }
        Run(6_000); // ten minutes: connect, subscribe, desired/get, the first posts and diagnostics encode their keys
        Assert.Equal(SupervisorState.Online, node.Supervisor.State);
        int postsBefore = link.Posts;
        int acknowledgedBefore = node.InputEvents.Acknowledged;

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(3_600_000 / RuntimeDefaults.StepMilliseconds);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 720 reports, ~514 events, 60 diagnostics posts in the hour, every one answered 200 and matched.
        Assert.True(link.Posts - postsBefore > 1_200, $"only {link.Posts - postsBefore} posts");
        Assert.True(node.InputEvents.Acknowledged - acknowledgedBefore > 500);
        Assert.Equal(0, node.Outbox.Rejected + node.InputEvents.Rejected + node.Outbox.Dropped);
        Assert.True(node.Outbox.Depth <= 2, $"outbox depth {node.Outbox.Depth}: replies are not matched");
        Assert.Equal(0, allocated);
    }
}
