using System;
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
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.Host.Tests.Node;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Host.Tests.WebConsole;

/// <summary>
/// The in-process emulator with its console on a free loopback port and a thing model, and the real node (NodeBuilder,
/// MqttNetLink, an SHT3x posting every second, relay1 on a simulated pin) running on its own threads in real time.
/// </summary>
public sealed class ConsoleNode : IAsyncDisposable
{
    /// <summary>A model in OneNET's file format: units as the console writes them ("name / symbol"), or a bare symbol.</summary>
    public static readonly ThingModel Model = ThingModel.Parse("""
        {"version":"1.0","properties":[
           {"identifier":"temperature","accessMode":"r","dataType":{"type":"float","specs":{"min":"-40","max":"125","step":"0.01","unit":"摄氏度 / °C"}}},
           {"identifier":"humidity","accessMode":"r","dataType":{"type":"float","specs":{"min":"0","max":"100","step":"0.01","unit":"%RH"}}},
           {"identifier":"relay1","accessMode":"rw","dataType":{"type":"bool","specs":{"true":"开","false":"关"}}},
           {"identifier":"report_interval","accessMode":"rw","dataType":{"type":"int32","specs":{"min":"1","max":"86400","step":"1","unit":"秒 / s"}}},
           {"identifier":"sample_interval","accessMode":"rw","dataType":{"type":"int32","specs":{"min":"1","max":"86400","step":"1","unit":"秒 / s"}}}],
         "events":[{"identifier":"door","outputData":[{"identifier":"open","dataType":{"type":"bool","specs":{"true":"是","false":"否"}}}]}],
         "services":[{"identifier":"reboot","input":[],"output":[]},{"identifier":"report_now","input":[],"output":[]},
                     {"identifier":"blink","input":[{"identifier":"times","dataType":{"type":"int32","specs":{"min":"1","max":"10","step":"1"}}}],"output":[]}]}
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
