using System;
using System.Text.Json;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Sampling;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The real node (NodeBuilder: OneJSON writer and reader, token, SensorSampler, DigitalOutput) on simulated hardware
/// (an SHT3x on I2C bus 1, simulated GPIO) against the runtime tests' scripted link and platform, on a virtual clock.
/// </summary>
public sealed class NodeHarness
{
    public const string Prefix = "$sys/PID0000001/node-01/thing/";
    public const int RelayPin = 25;

    public readonly VirtualClock Clock = new();
    public readonly FaultPlan Faults = new();
    public readonly NodeConfig Config;
    public readonly SimLink Link;
    public readonly SimLog Log = new();
    public readonly SimulatedGpio Gpio = new();
    /// <summary>The board: pass the previous harness's board to "reboot" onto the same saved record.</summary>
    public readonly SimBoard Board;
    public readonly Sht3xChip Chip;
    public readonly NodeRuntime Node;

    public NodeHarness(Action<NodeConfig> configure = null, SimBoard board = null)
    {
        Board = board ?? new SimBoard();
        Config = SensorNodeConfig("PID0000001", "node-01", Convert.ToBase64String(new byte[32]), 10);
        configure?.Invoke(Config);
        var hardware = new SimulatedSensorHardware();
        Chip = new Sht3xChip(Clock) { Temperature = 21.5, Humidity = 40 };
        hardware.Bus(1).Attach(0x44, Chip);
        Link = new SimLink(Clock, Faults, Prefix);
        Node = NodeBuilder.Build(Config, new SimNetwork(Clock, Faults), Link, Clock, Board, Log, new HmacSigner(),
            hardware, Gpio, new SeededRandom(1));
    }

    /// <summary>An SHT3x (temperature, humidity, 1 decimal) on I2C bus 1 and relay1 on GPIO 25; no diagnostics posts.</summary>
    public static NodeConfig SensorNodeConfig(string productId, string deviceName, string key, int intervalSeconds)
    {
        var config = new NodeConfig();
        config.OneNet.ProductId = productId;
        config.OneNet.DeviceName = deviceName;
        config.OneNet.DeviceKey = key;
        config.Node.ReportIntervalSeconds = intervalSeconds;
        config.Node.DiagnosticsIntervalSeconds = 0;
        config.Sensors =
        [
            new SensorConfig
            {
                Type = "sht3x", Bus = 1, IntervalSeconds = intervalSeconds,
                Channels =
                [
                    new ChannelConfig { Quantity = "temperature", Identifier = "temperature", Decimals = 1 },
                    new ChannelConfig { Quantity = "humidity", Identifier = "humidity", Decimals = 1 },
                ],
            },
        ];
        config.Outputs = [new OutputConfig { Type = "relay", Pin = RelayPin, Identifier = "relay1" }];
        return config;
    }

    /// <summary>Steps the supervisor and the main loop in 100 ms ticks until the virtual time reaches untilMs.</summary>
    public void RunUntil(long untilMs)
    {
        while (Clock.NowMilliseconds < untilMs)
        {
            Link.Tick();
            Node.Supervisor.Step(Clock.NowMilliseconds);
            Link.Tick();
            Node.Loop.Step(Clock.NowMilliseconds);
            Clock.Advance(RuntimeDefaults.StepMilliseconds);
        }
    }

    public void RunFor(long ms) => RunUntil(Clock.NowMilliseconds + ms);

    /// <summary>Injects a request, runs 2 s and returns the one reply it got.</summary>
    public JsonElement Answer(string topic, string payload)
    {
        int before = Link.Replies.Count;
        Link.Inject(topic, payload);
        RunFor(2_000);
        Xunit.Assert.Equal(before + 1, Link.Replies.Count);
        return Link.Replies[^1].Json;
    }
}
