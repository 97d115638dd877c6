using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>The NodeBuilder node over real MQTT (MqttNetLink) against the in-process OneNET emulator, in real time.</summary>
public class NodeEmulatorTests
{
    [Fact]
    public async Task PostsTheConfiguredPropertiesToTheEmulator()
    {
        // The emulator's clock is the real one here: the node's token counts from the system clock.
        await using TestEmulator t = await TestEmulator.StartAsync(o => o.Clock = () => DateTimeOffset.UtcNow);
        NodeConfig config = NodeHarness.SensorNodeConfig(TestEmulator.ProductId, TestEmulator.DeviceName, TestEmulator.Key, 1);
        config.OneNet.Host = "127.0.0.1";
        config.OneNet.Port = t.Port;
        config.Outputs = [];
        OneNetEmulator emulator = t.Emulator;
        var clock = new SystemClock();
        var hardware = new SimulatedSensorHardware();
        hardware.Bus(1).Attach(0x44, new Sht3xChip(clock) { Temperature = 22.5, Humidity = 45 });
        using var link = new MqttNetLink();
        var log = new SimLog();
        NodeRuntime node = NodeBuilder.Build(config, new HostNetwork(), link, clock, new HostBoard(), log, new HmacSigner(),
            hardware, null, new SeededRandom(1));

        // Step both loops on this thread until the emulator accepted a few posts (bounded: never hangs the suite).
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20)
            && emulator.AcceptedPosts.Count(p => p.Values.Any(v => v.Identifier == "temperature")) < 3)
        {
            node.Supervisor.Step(clock.NowMilliseconds);
            node.Loop.Step(clock.NowMilliseconds);
            Thread.Sleep(RuntimeDefaults.StepMilliseconds);
        }

        Assert.True(node.Supervisor.IsOnline, string.Join("\n", log.Lines));
        var posts = emulator.AcceptedPosts.Where(p => p.DeviceName == TestEmulator.DeviceName).ToList();
        Assert.True(posts.Count(p => p.Values.Any(v => v.Identifier == "temperature")) >= 3, string.Join("\n", log.Lines));
        var values = posts.SelectMany(p => p.Values).ToList();
        Assert.All(values, v => Assert.Contains(v.Identifier, new[] { "temperature", "humidity" }));
        Assert.All(values.Where(v => v.Identifier == "temperature"), v => Assert.Equal(22.5, v.Value.GetDouble(), 1));
        Assert.All(values, v => Assert.NotNull(v.TimeMs));
        Assert.DoesNotContain(log.Lines, l => l.Contains("sign="));
    }

    [Fact]
    public async Task ContactEventsAreAcceptedByAThingModelThatDeclaresThem()
    {
        const int doorPin = 27;
        ThingModel model = ThingModel.Parse("""
            {"properties":[{"identifier":"temperature","accessMode":"r","dataType":{"type":"float","specs":{"min":"-40","max":"125"}}},
                           {"identifier":"humidity","accessMode":"r","dataType":{"type":"float","specs":{"min":"0","max":"100"}}}],
             "events":[{"identifier":"door","outputData":[{"identifier":"open","dataType":{"type":"bool","specs":{"true":"开","false":"关"}}}]}]}
            """);
        await using TestEmulator t = await TestEmulator.StartAsync(o =>
        {
            o.Clock = () => DateTimeOffset.UtcNow;
            o.ThingModel = model;
        });
        NodeConfig config = NodeHarness.SensorNodeConfig(TestEmulator.ProductId, TestEmulator.DeviceName, TestEmulator.Key, 60);
        config.OneNet.Host = "127.0.0.1";
        config.OneNet.Port = t.Port;
        config.Outputs = [];
        config.Inputs = [new InputConfig { Type = "contact", Pin = doorPin, Pull = "up", Identifier = "door" }];
        var clock = new SystemClock();
        var hardware = new SimulatedSensorHardware();
        hardware.Bus(1).Attach(0x44, new Sht3xChip(clock) { Temperature = 22.5, Humidity = 45 });
        var gpio = new SimulatedGpio();
        using var link = new MqttNetLink();
        var log = new SimLog();
        NodeRuntime node = NodeBuilder.Build(config, new HostNetwork(), link, clock, new HostBoard(), log, new HmacSigner(),
            hardware, gpio, new SeededRandom(1));

        var deadline = Stopwatch.StartNew();
        int toggles = 0;
        long lastToggleMs = 0;
        while (deadline.Elapsed < TimeSpan.FromSeconds(20) && node.InputEvents.Acknowledged < 2)
        {
            node.Supervisor.Step(clock.NowMilliseconds);
            node.Loop.Step(clock.NowMilliseconds);
            if (node.Supervisor.IsOnline && toggles < 2 && clock.NowMilliseconds - lastToggleMs > 500)
            {
                gpio.Set(doorPin, toggles % 2 == 1); // close, then open again
                toggles++;
                lastToggleMs = clock.NowMilliseconds;
            }
            Thread.Sleep(RuntimeDefaults.StepMilliseconds);
        }

        Assert.True(node.InputEvents.Acknowledged == 2, string.Join("\n", log.Lines));
        var events = t.Emulator.AcceptedPosts.Where(p => p.Kind == "event/post").SelectMany(p => p.Values).ToList();
        Assert.Equal(["{\"open\":false}", "{\"open\":true}"], events.Select(v => v.Value.GetRawText()));
        Assert.All(events, v => Assert.Equal("door", v.Identifier));
        Assert.All(events, v => Assert.InRange(v.TimeMs!.Value, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(),
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        Assert.Empty(t.Emulator.RejectedPosts);
        Assert.Equal(0, node.InputEvents.Rejected);
    }
}
