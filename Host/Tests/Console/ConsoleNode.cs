using System;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.Host.Tests.Node;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Node;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Host.Tests.WebConsole;

/// <summary>
/// The in-process emulator with its console on a free loopback port and a thing model, and the real node (NodeBuilder,
/// MqttNetLink, an SHT3x posting every second, relay1 on a simulated pin) running on its own threads in real time.
/// </summary>
public sealed class ConsoleNode : IAsyncDisposable
{
    public static readonly ThingModel Model = ThingModel.Parse("""
        {"properties":[{"identifier":"temperature","type":"float","min":-40,"max":125,"unit":"°C"},
                       {"identifier":"humidity","type":"float","min":0,"max":100,"unit":"%RH"},
                       {"identifier":"relay1","type":"bool","writable":true},
                       {"identifier":"report_interval","type":"int32","min":1,"max":86400,"writable":true,"unit":"s"},
                       {"identifier":"sample_interval","type":"int32","min":1,"max":86400,"writable":true,"unit":"s"}],
         "events":[{"identifier":"door","outputs":[{"identifier":"open","type":"bool"}]}],
         "services":[{"identifier":"reboot"},{"identifier":"report_now"}]}
        """);

    private readonly CancellationTokenSource _stop = new();
    private Thread _loops;

    public TestEmulator Platform { get; private set; }
    public Sht3xChip Chip { get; private set; }
    public SimulatedGpio Gpio { get; } = new();
    public SimLog Log { get; } = new();
    public string Url => Platform.Emulator.ConsoleUrl;

    public static async Task<ConsoleNode> StartAsync()
    {
        var n = new ConsoleNode();
        n.Platform = await TestEmulator.StartAsync(o =>
        {
            o.Clock = () => DateTimeOffset.UtcNow; // the node's token counts from the system clock
            o.HttpPort = FreePort.Next();
            o.ThingModel = Model;
        });
        NodeConfig config = NodeHarness.SensorNodeConfig(TestEmulator.ProductId, TestEmulator.DeviceName, TestEmulator.Key, 1);
        config.OneNet.Host = "127.0.0.1";
        config.OneNet.Port = n.Platform.Port;
        var clock = new SystemClock();
        var hardware = new SimulatedSensorHardware();
        n.Chip = new Sht3xChip(clock) { Temperature = 22.5, Humidity = 45 };
        hardware.Bus(1).Attach(0x44, n.Chip);
        var link = new MqttNetLink();
        NodeRuntime node = NodeBuilder.Build(config, new HostNetwork(), link, clock, new HostBoard(), n.Log, new HmacSigner(),
            hardware, n.Gpio, new SeededRandom(1));
        n._loops = new Thread(() =>
        {
            while (!n._stop.IsCancellationRequested)
            {
                node.Supervisor.Step(clock.NowMilliseconds);
                node.Loop.Step(clock.NowMilliseconds);
                Thread.Sleep(RuntimeDefaults.StepMilliseconds);
            }
            link.Disconnect();
            link.Dispose();
        }) { IsBackground = true, Name = "console test node" };
        n._loops.Start();
        return n;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _loops?.Join(TimeSpan.FromSeconds(10));
        if (Platform != null) await Platform.DisposeAsync();
        _stop.Dispose();
    }
}
