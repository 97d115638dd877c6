using System;
using System.Collections.Generic;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Dht;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Node;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>
/// Battery mode on a virtual clock: each Wake() builds a fresh node with NodeBuilder (as after the ESP32's reset — RAM
/// and pins start over; the record, the outbox file and the platform survive), runs the portable BatteryCycle with the
/// supervisor stepped in between, and "sleeps" by advancing the clock. The SHT3x reads a new temperature per wake-up,
/// so each wake-up's reading can be found on the platform.
/// </summary>
public sealed class BatteryHarness
{
    public readonly VirtualClock Clock = new();
    public readonly FaultPlan Faults = new();
    public readonly NodeConfig Config;
    public readonly SimLink Link;
    public readonly SimBoard Board = new();
    public readonly SimLog Log = new();
    public readonly MemoryStorage Storage = new();
    public readonly HostDeepSleep Sleep = new();
    public readonly Sht3xChip Chip;
    /// <summary>The DHT on the pin of every dht11/dht22 sensor the configuration lists (none by default).</summary>
    public readonly SimulatedDht Dht = new(true) { Temperature = 12.5, Humidity = 70 };
    /// <summary>Per wake-up: the temperature the chip showed, when it was sampled (UTC) and how long the node stayed awake.</summary>
    public readonly List<(double Temperature, long SampledUtc, long AwakeMs)> Wakes = new();
    public SimulatedGpio Gpio { get; private set; }
    /// <summary>This wake-up's network (a new one per wake-up, as the radio starts over).</summary>
    public SimNetwork Network { get; private set; }
    /// <summary>Credential saves (flash writes on the ESP32) over all wake-ups.</summary>
    public int CredentialSaves { get; private set; }
    public NodeRuntime Node { get; private set; }
    public OutboxFile File { get; private set; }
    public BatteryCycle Cycle { get; private set; }
    public int Dropped { get; private set; }
    /// <summary>The physical level of each input pin (a door stays open across the reset); applied at every wake-up.</summary>
    public readonly Dictionary<int, bool> Pins = new();
    /// <summary>Runs at every step of a wake-up with the ms since it began (e.g. to open a door while awake).</summary>
    public Action<BatteryHarness, long> OnStep;
    /// <summary>How long the ESP32 takes from the wake-up to the node's first read of the pins.</summary>
    public const long BootMs = 500;
    /// <summary>Pin changes during the next deep sleep, in ms after it began (consumed as they happen).</summary>
    public readonly List<(long AfterMs, int Pin, bool High)> WhileAsleep = new();
    /// <summary>How long each deep sleep lasted (shorter than the timer when a pin woke the board).</summary>
    public readonly List<long> SleptMs = new();

    public BatteryHarness(Action<NodeConfig> configure = null)
    {
        Config = NodeHarness.SensorNodeConfig("PID0000001", "node-01", Convert.ToBase64String(new byte[32]), 10);
        Config.Battery.Enabled = true;
        Config.Battery.SleepSeconds = 600;
        Config.Battery.AwakeLimitSeconds = 30;
        Config.Battery.DiagnosticsEveryWakeups = 0;
        configure?.Invoke(Config);
        Chip = new Sht3xChip(Clock) { Temperature = 20, Humidity = 40 };
        Link = new SimLink(Clock, Faults, NodeHarness.Prefix);
    }

    /// <summary>
    /// One wake-up from reset to deep sleep; then the clock moves on by the sleep. onOnline runs once when the node is
    /// first online (to send a downlink). A reboot ends the wake-up at once, as on the device: no Finish, no sleep.
    /// </summary>
    public void Wake(Action<BatteryHarness> onOnline = null)
    {
        Chip.Temperature = 20 + Wakes.Count * 0.5;
        var hardware = new SimulatedSensorHardware();
        hardware.Bus(1).Attach(0x44, Chip);
        foreach (SensorConfig s in Config.Sensors)
        {
            if (s.Type is DhtDriver.Dht11TypeName or DhtDriver.Dht22TypeName) hardware.AttachDht(s.Pin, Dht);
        }
        Gpio = new SimulatedGpio();
        Network = new SimNetwork(Clock, Faults);
        Node = NodeBuilder.Build(Config, Network, Link, Clock, Board, Log, new HmacSigner(), hardware,
            Gpio, new SeededRandom(Wakes.Count + 1));
        foreach (var (pin, high) in Pins)
        {
            if (Gpio.IsOpen(pin)) Gpio.Set(pin, high);
        }
        Cycle = NodeBuilder.BuildBattery(Node, Config, Storage, Sleep);
        File = Cycle.File;
        Sleep.RequestedSeconds = -1;
        long start = Clock.NowMilliseconds;
        long sampledUtc = -1;
        Cycle.Begin(start);
        while (true)
        {
            Link.Tick();
            Node.Supervisor.Step(Clock.NowMilliseconds);
            if (Board.RebootRequested)
            {
                Board.RebootRequested = false;
                CredentialSaves += Network.CredentialSaves.Count;
                Wakes.Add((Chip.Temperature, sampledUtc, Clock.NowMilliseconds - start));
                Link.Disconnect();
                Sleep.WokeFromDeepSleep = false;
                Sleep.WokeByPin = false;
                return;
            }
            if (onOnline != null && Node.Supervisor.IsOnline)
            {
                onOnline(this);
                onOnline = null;
            }
            OnStep?.Invoke(this, Clock.NowMilliseconds - start);
            Link.Tick();
            bool done = Cycle.Step(Clock.NowMilliseconds);
            if (sampledUtc < 0)
            {
                // The first step sampled (the chip's conversion advanced the clock); the true time, even while the
                // node's own clock is not set.
                sampledUtc = VirtualClock.UtcAt(Clock.NowMilliseconds);
            }
            if (done) break;
            Clock.Advance(RuntimeDefaults.StepMilliseconds);
        }
        Cycle.Finish();
        CredentialSaves += Network.CredentialSaves.Count;
        Dropped += Node.Outbox.Dropped;
        Assert.Equal(Config.Battery.SleepSeconds, Sleep.RequestedSeconds);
        Wakes.Add((Chip.Temperature, sampledUtc, Clock.NowMilliseconds - start));
        Link.Disconnect(); // deep sleep: the radio is off, whatever the session was doing
        SleepUntilWakeUp();
    }

    /// <summary>
    /// The deep sleep: the pin changes of WhileAsleep happen in the world; the board wakes early when one brings the
    /// requested wake pin to its level (or it is there already), else at the timer.
    /// </summary>
    private void SleepUntilWakeUp()
    {
        long sleepMs = Config.Battery.SleepSeconds * 1000L;
        int pin = Sleep.RequestedWakePin;
        long wakeAt = pin >= 0 && Pins.TryGetValue(pin, out bool now) && Sleep.PinWakes(pin, now) ? 0 : -1;
        WhileAsleep.Sort((a, b) => a.AfterMs.CompareTo(b.AfterMs));
        while (wakeAt < 0 && WhileAsleep.Count > 0 && WhileAsleep[0].AfterMs < sleepMs)
        {
            var change = WhileAsleep[0];
            WhileAsleep.RemoveAt(0);
            Pins[change.Pin] = change.High;
            if (Sleep.PinWakes(change.Pin, change.High)) wakeAt = change.AfterMs;
        }
        // The boot (reset to the first read of the pin) takes about BootMs: changes in that time are seen as its state.
        while (wakeAt >= 0 && WhileAsleep.Count > 0 && WhileAsleep[0].AfterMs < wakeAt + BootMs)
        {
            Pins[WhileAsleep[0].Pin] = WhileAsleep[0].High;
            WhileAsleep.RemoveAt(0);
        }
        Clock.Advance(wakeAt >= 0 ? wakeAt : sleepMs);
        Sleep.Woke(wakeAt >= 0);
        SleptMs.Add(wakeAt >= 0 ? wakeAt : sleepMs);
    }

    /// <summary>Sets an input pin's level now: in the world and, while awake, on the node's pin.</summary>
    public void SetPin(int pin, bool high)
    {
        Pins[pin] = high;
        if (Gpio != null && Gpio.IsOpen(pin)) Gpio.Set(pin, high);
    }

    public void Wake(int times)
    {
        for (int i = 0; i < times; i++) Wake();
    }

    /// <summary>Readings in the outbox file now (what survives if the board resets this moment).</summary>
    public int SavedReadings()
    {
        if (Storage.Bytes.Length == 0) return 0;
        return (int)BitConverter.ToInt32(Storage.Bytes, 5);
    }

    /// <summary>The temperature points the platform stored, in arrival order.</summary>
    public List<SimLink.Point> Temperatures() => Link.Points.FindAll(p => p.Identifier == "temperature");
}
