using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using OneNetFirmware.Cli;
using OneNetFirmware.Cli.Commands;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli;

/// <summary>Alone, so the process-wide managed heap it reads is this test's own.</summary>
[CollectionDefinition(nameof(RunMemoryCollection), DisableParallelization = true)]
public sealed class RunMemoryCollection;

/// <summary>
/// `run`'s composition (the repository's nf-config.json, simulated world, MonitoredLink over MqttNetLink, HostBoard,
/// the embedded emulator with its log) for one hour of accelerated virtual time: after warming up, the managed heap
/// stays where it is instead of growing with the posts.
/// </summary>
[Collection(nameof(RunMemoryCollection))]
public class RunMemoryTests
{
    private const long Minute = 60_000;
    /// <summary>What the heap may grow from minute 10 to minute 60: noise, nothing per post (measured: 0–10 KB).</summary>
    private const long GrowthBoundBytes = 128 * 1024;

    [Fact]
    public void AnHourOfRunKeepsTheManagedHeapSteady()
    {
        ConfigFile.Result loaded = ConfigFile.Load(RepoPaths.Of("nf-config.json"));
        Assert.True(loaded.IsValid);
        NodeConfig config = loaded.Config;
        var clock = new VirtualClock();
        var log = new RecentLog(null);
        var options = new EmulatorOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = FreePort.Next(),
            Clock = () => DateTimeOffset.FromUnixTimeMilliseconds(clock.UtcUnixMilliseconds),
            Log = line => log.Info("emulator: " + line),
            // The emulator's history of accepted posts (about 3 KB each, the newest MaxRecords kept: 10000 in `run`) is the
            // platform's memory, not the node's; a short history keeps it out of the measurement.
            MaxRecords = 10,
        };
        options.Devices.Add(new RegisteredDevice(config.OneNet.ProductId, config.OneNet.DeviceName, config.OneNet.DeviceKey));
        var emulator = new OneNetEmulator(options);
        emulator.StartAsync().GetAwaiter().GetResult();
        config.OneNet.Host = "127.0.0.1";
        config.OneNet.Port = options.Port;
        config.OneNet.Tls = false;
        var world = new SimulatedWorld(config, clock);
        using var mqtt = new MqttNetLink();
        var link = new MonitoredLink(mqtt);
        NodeRuntime node = RunCommand.BuildNode(config, null, link, clock, new HostBoard(), log, world, new SeededRandom(1));
        try
        {
            var real = Stopwatch.StartNew();
            RunUntil(10 * Minute, clock, world, node, link);
            long heapAt10 = GC.GetTotalMemory(true);
            long allocatedAt10 = GC.GetTotalAllocatedBytes(true);
            RunUntil(60 * Minute, clock, world, node, link);
            long heapAt60 = GC.GetTotalMemory(true);
            long allocated = GC.GetTotalAllocatedBytes(true) - allocatedAt10;

            TestContext.Current.TestOutputHelper?.WriteLine(
                $"run, one virtual hour in {real.Elapsed.TotalSeconds:0.0} s: managed heap {heapAt10 / 1024} KB at minute 10, "
                + $"{heapAt60 / 1024} KB at minute 60 ({(heapAt60 - heapAt10) / 1024} KB); {allocated / 1024} KB allocated in those 50 minutes "
                + $"(process-wide: node, MQTTnet client and emulator); {link.PropertyPosts} property posts, {link.EventPosts} event posts, {link.RepliesOk} acknowledged");
            Assert.True(node.Supervisor.IsOnline);
            Assert.True(link.RepliesOk >= 60, "only " + link.RepliesOk + " posts acknowledged in an hour");
            Assert.Equal(0, link.RepliesFailed);
            Assert.Equal(0, node.Outbox.Dropped);
            Assert.Equal(0, node.InputEvents.Dropped + node.InputEvents.Rejected);
            Assert.True(heapAt60 - heapAt10 < GrowthBoundBytes, $"the managed heap grew by {(heapAt60 - heapAt10) / 1024} KB from minute 10 to 60");
        }
        finally
        {
            link.Disconnect();
            emulator.StopAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>RunCommand's two loops, stepped on this thread; after a post, a brief real wait for its reply (bounded).</summary>
    private static void RunUntil(long untilMs, VirtualClock clock, SimulatedWorld world, NodeRuntime node, MonitoredLink link)
    {
        while (clock.NowMilliseconds < untilMs)
        {
            node.Supervisor.Step(clock.NowMilliseconds);
            world.Update(clock.NowMilliseconds / 1000.0);
            node.Loop.Step(clock.NowMilliseconds);
            var waited = Stopwatch.StartNew();
            // Event posts too: the simulated door and button raise events, and an unanswered one would be resent in virtual time.
            while (link.PropertyPosts + link.HistoryPosts + link.EventPosts > link.RepliesOk + link.RepliesFailed
                && waited.ElapsedMilliseconds < 2000)
            {
                Thread.Sleep(1);
            }
            clock.Advance(RuntimeDefaults.StepMilliseconds);
        }
    }
}
