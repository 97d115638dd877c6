using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Node;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>The NodeBuilder node over real MQTT (MqttNetLink) against the in-process OneNET emulator, in real time.</summary>
public class NodeEmulatorTests
{
    private const string Pid = "PID0000001";
    private const string Dev = "node-01";

    [Fact]
    public async Task PostsTheConfiguredPropertiesToTheEmulator()
    {
        string key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new EmulatorOptions { BindAddress = IPAddress.Loopback, Port = port };
        options.Devices.Add(new RegisteredDevice(Pid, Dev, key));
        await using var emulator = new OneNetEmulator(options);
        await emulator.StartAsync();

        var config = new NodeConfig();
        config.OneNet.Host = "127.0.0.1";
        config.OneNet.Port = port;
        config.OneNet.ProductId = Pid;
        config.OneNet.DeviceName = Dev;
        config.OneNet.DeviceKey = key;
        config.Node.ReportIntervalSeconds = 1;
        config.Node.DiagnosticsIntervalSeconds = 0;
        config.Sensors =
        [
            new SensorConfig
            {
                Type = "sht3x", Bus = 1, IntervalSeconds = 1,
                Channels =
                [
                    new ChannelConfig { Quantity = "temperature", Identifier = "temperature", Decimals = 1 },
                    new ChannelConfig { Quantity = "humidity", Identifier = "humidity", Decimals = 1 },
                ],
            },
        ];
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
            Thread.Sleep(NodeRuntime.StepMilliseconds);
        }

        Assert.True(node.Supervisor.IsOnline, string.Join("\n", log.Lines));
        var posts = emulator.AcceptedPosts.Where(p => p.DeviceName == Dev).ToList();
        Assert.True(posts.Count(p => p.Values.Any(v => v.Identifier == "temperature")) >= 3, string.Join("\n", log.Lines));
        var values = posts.SelectMany(p => p.Values).ToList();
        Assert.All(values, v => Assert.Contains(v.Identifier, new[] { "temperature", "humidity" }));
        Assert.All(values.Where(v => v.Identifier == "temperature"), v => Assert.Equal(22.5, v.Value.GetDouble(), 1));
        Assert.All(values, v => Assert.NotNull(v.TimeMs));
        Assert.DoesNotContain(log.Lines, l => l.Contains("sign="));
    }
}
