using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Node;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// The NodeBuilder node (SHT3x on I2C, relay1) over the real MQTTnet link, through a FaultProxy, on an accelerated
/// VirtualClock: each 100 ms virtual step costs a few real ms. The SHT3x temperature encodes the virtual time it was
/// sampled at, so a value that reaches the platform tells whether its timestamp is the original one.
/// Every run is bounded by RealBudget so a broken network can never hang the suite.
/// </summary>
public sealed class ReliableNode : IDisposable
{
    public static readonly TimeSpan RealBudget = TimeSpan.FromSeconds(60);
    public const int RealSleepMilliseconds = 2;
    /// <summary>How long a step waits for the reply to a post it published (real time; a loaded CI machine is slow).</summary>
    public const int ReplyWaitMilliseconds = 2000;

    public readonly VirtualClock Clock = new();
    public readonly SimLog Log = new();
    public readonly SimBoard Board = new();
    public readonly SimulatedGpio Gpio = new();
    public readonly VirtualTimeLink Link;
    public readonly Sht3xChip Chip;
    public readonly NodeConfig Config;
    public readonly NodeRuntime Node;
    public readonly FaultProxy Proxy;
    private readonly Stopwatch _real = Stopwatch.StartNew();

    /// <summary>While true, a step that published a post waits (bounded) until a downlink arrived: the platform's reply
    /// then lands in the same virtual step however slow the machine is. Tests turn it off during outages.</summary>
    public bool ExpectReplies = true;

    /// <param name="brokerPort">The broker behind the proxy.</param>
    public ReliableNode(string productId, string deviceName, string key, int brokerPort, Action<NodeConfig> configure = null)
    {
        Proxy = new FaultProxy(brokerPort);
        Config = NodeHarness.SensorNodeConfig(productId, deviceName, key, 1);
        Config.OneNet.Host = "127.0.0.1";
        Config.OneNet.Port = Proxy.Port;
        // Short backoff (recovery in tens of virtual seconds) and room for every reading of a long outage.
        Config.Watchdog.BackoffBaseSeconds = 2;
        Config.Watchdog.BackoffCapSeconds = 20;
        Config.Outbox.CapacityReadings = 2048;
        Config.Outbox.CapacityBytes = 128 * 1024;
        configure?.Invoke(Config);
        Link = new VirtualTimeLink(Clock);
        Link.WhileBlocked = RunMainLoopOnly;
        var hardware = new SimulatedSensorHardware();
        Chip = new Sht3xChip(Clock);
        hardware.Bus(1).Attach(0x44, Chip);
        Node = NodeBuilder.Build(Config, new HostNetwork(), Link, Clock, Board, Log, new HmacSigner(), hardware,
            Gpio, new SeededRandom(7));
    }

    /// <summary>The platform's clock: the same virtual time, as UTC.</summary>
    public DateTimeOffset UtcNow => DateTimeOffset.FromUnixTimeMilliseconds(Clock.UtcUnixMilliseconds);

    /// <summary>The temperature the chip reports at virtual time ms: seconds within a 100 s cycle, 0.1 s resolution.</summary>
    public static double TemperatureAt(long monoMs) => (monoMs % 100_000 / 100) / 10.0;

    /// <summary>The virtual time (ms, modulo 100 s) a temperature value says it was sampled at.</summary>
    public static long SampledAtModulo(double temperature) => (long)Math.Round(temperature * 10) * 100;

    /// <summary>Virtual ms since the node was built.</summary>
    public long Now => Clock.NowMilliseconds;

    /// <summary>One 100 ms step of both loops (supervisor first, as on the device's two threads).</summary>
    public void Step()
    {
        if (_real.Elapsed > RealBudget)
        {
            throw new TimeoutException("reliability test over its real-time budget at virtual " + Now + " ms\n" + string.Join("\n", Log.Lines.TakeLast(30)));
        }
        int posts = Link.Posts;
        Node.Supervisor.Step(Now);
        Chip.Temperature = TemperatureAt(Now); // after the supervisor: a blocked CONNECT moves the clock
        Node.Loop.Step(Now);
        if (ExpectReplies && Link.Posts > posts)
        {
            var wait = Stopwatch.StartNew();
            while (Node.Downlinks.Count == 0 && Link.IsConnected && wait.ElapsedMilliseconds < ReplyWaitMilliseconds) Thread.Sleep(1);
        }
        Thread.Sleep(RealSleepMilliseconds);
        Clock.Advance(RuntimeDefaults.StepMilliseconds);
    }

    /// <summary>The main loop's steps while the supervisor is blocked in a call (the device's two threads).</summary>
    private void RunMainLoopOnly(long virtualMs)
    {
        for (long passed = 0; passed < virtualMs; passed += RuntimeDefaults.StepMilliseconds)
        {
            Clock.Advance(RuntimeDefaults.StepMilliseconds);
            Chip.Temperature = TemperatureAt(Now);
            Node.Loop.Step(Now);
        }
    }

    public void RunFor(long virtualMs) => RunUntil(Now + virtualMs);

    public void RunUntil(long virtualMs)
    {
        while (Now < virtualMs) Step();
    }

    /// <summary>Steps until the condition holds; false if it did not within maxVirtualMs.</summary>
    public bool RunUntil(Func<bool> condition, long maxVirtualMs)
    {
        long end = Now + maxVirtualMs;
        while (!condition())
        {
            if (Now >= end) return false;
            Step();
        }
        return true;
    }

    /// <summary>
    /// Waits in real time, without stepping, until the link is up or down as asked: a socket closed by the other side
    /// reaches the node through MQTTnet's receive thread, and virtual time must not run on meanwhile. False on timeout.
    /// </summary>
    public bool WaitForLink(bool connected, TimeSpan realBudget)
    {
        var real = Stopwatch.StartNew();
        while (Link.IsConnected != connected)
        {
            if (real.Elapsed > realBudget) return false;
            Thread.Sleep(1);
        }
        return true;
    }

    /// <summary>Steps until the condition holds or realBudget of real time passed (for what travels over the sockets
    /// without the node's virtual clock knowing, such as a downlink); false if it did not hold.</summary>
    public bool StepUntil(Func<bool> condition, TimeSpan realBudget)
    {
        var real = Stopwatch.StartNew();
        while (!condition())
        {
            if (real.Elapsed > realBudget) return false;
            Step();
        }
        return true;
    }

    /// <summary>
    /// Steps until the node is online again after an outage that ended at outageEndMs, and asserts it came no later than
    /// its last backoff delay could be (min(cap, base·2^n) for the n-th delay since the last reset), plus the login
    /// limit's 5 s window and one blocked CONNECT.
    /// </summary>
    public void AssertRecovers(long outageEndMs, long maxVirtualMs = 400_000)
    {
        Assert.True(RunUntil(() => Node.Supervisor.IsOnline, maxVirtualMs), Trace());
        NodeCounters c = Node.Counters;
        int delays = c.MqttDisconnects + (c.ConnectAttempts - c.MqttConnects);
        var backoff = new Backoff(Config.Watchdog.BackoffBaseSeconds * 1000, Config.Watchdog.BackoffCapSeconds * 1000, null);
        long bound = backoff.Ceiling(delays - 1) + 5_000 + RuntimeDefaults.ConnectDeadlineMilliseconds;
        Assert.True(Now - outageEndMs <= bound, $"online {Now - outageEndMs} ms after the outage, the backoff allows {bound} ms ({delays} delays)\n{Trace()}");
    }

    /// <summary>Steps until the back-fill is done (at most the newest sample of each channel waits), then 5 s more.</summary>
    public void Drain(string context = "")
    {
        Assert.True(RunUntil(() => Node.Supervisor.IsOnline && Node.Outbox.Depth <= 2, 120_000), Trace() + context);
        RunFor(5_000);
    }

    public string Trace() =>
        $"virtual {Now} ms, state {Node.Supervisor.State}, outbox depth {Node.Outbox.Depth} (dropped {Node.Outbox.Dropped}, rejected {Node.Outbox.Rejected}), "
        + $"posts {Link.Posts}, connects {Node.Counters.MqttConnects}/{Node.Counters.ConnectAttempts}, malformed {Node.Counters.MalformedDownlinks}, queued downlinks {Node.Downlinks.Count}\n"
        + string.Join("\n", Log.Lines.TakeLast(60));

    /// <summary>Largest number of CONNECT attempts the node made in any window of windowMs (virtual).</summary>
    public static int MostInWindow(IReadOnlyList<long> times, long windowMs)
    {
        int most = 0;
        for (int i = 0; i < times.Count; i++)
        {
            most = Math.Max(most, times.Skip(i).TakeWhile(t => t - times[i] < windowMs).Count());
        }
        return most;
    }

    public void Dispose()
    {
        Link.Inner.Dispose();
        Proxy.Dispose();
    }
}
