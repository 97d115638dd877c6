using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// A fleet of real nodes (NodeBuilder + MqttNetLink each) against one in-process emulator, in accelerated time: every
/// tick a few worker threads step all nodes at the shared virtual time, the test sleeps briefly so the sockets move,
/// then the virtual clock advances 100 ms. The emulator's platform clock is the same virtual clock. Every wait is
/// bounded by a real-time deadline, so a broken fleet fails instead of hanging the suite.
/// </summary>
public sealed class FleetSimulation : IAsyncDisposable
{
    public const string ProductId = "FleetProd1";
    public const int TickMilliseconds = RuntimeDefaults.StepMilliseconds;

    public readonly VirtualClock Clock = new();
    public readonly List<FleetNode> Nodes = new();
    public readonly int Port = FreePort.Next();
    private readonly EmulatorOptions _options;
    private readonly Stopwatch _real = Stopwatch.StartNew();
    private readonly TimeSpan _realBudget;
    private readonly List<OneNetEmulator> _emulators = new();
    private readonly Thread[] _workers;
    private readonly Barrier _barrier;
    private readonly int _realSleepMs;
    private volatile bool _stopping;
    private Exception _workerFailure;

    /// <param name="random">The jitter source of node i (seeded, or one without jitter).</param>
    /// <param name="realSleepMs">Real time given to the sockets each tick.</param>
    public FleetSimulation(int nodeCount, Func<int, IRandomSource> random, int reportSeconds, int workers, TimeSpan realBudget, int realSleepMs = 2)
    {
        _realBudget = realBudget;
        _realSleepMs = realSleepMs;
        _options = new EmulatorOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = Port,
            Clock = () => DateTimeOffset.FromUnixTimeMilliseconds(VirtualClock.UtcAt(Clock.NowMilliseconds)),
            MaxRecords = 1_000_000,
        };
        for (int i = 0; i < nodeCount; i++)
        {
            string name = "fleet-" + i.ToString("D3");
            string key = Convert.ToBase64String(Encoding.ASCII.GetBytes("fleet-key-" + i.ToString("D3") + "-0123456789abcdef"));
            _options.Devices.Add(new RegisteredDevice(ProductId, name, key));
            Nodes.Add(new FleetNode(Clock, ProductId, name, key, Port, reportSeconds, random(i)));
        }
        _barrier = new Barrier(workers + 1);
        _workers = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            int shard = w;
            _workers[w] = new Thread(() => Work(shard, workers)) { IsBackground = true, Name = "fleet-" + w };
            _workers[w].Start();
        }
    }

    /// <summary>The emulator now listening (the latest started), or null while it is stopped.</summary>
    public OneNetEmulator Emulator { get; private set; }

    /// <summary>Every emulator instance started so far, oldest first (a restart is a new instance on the same port).</summary>
    public IReadOnlyList<OneNetEmulator> Emulators => _emulators;

    public IEnumerable<AcceptedPost> AcceptedPosts => _emulators.SelectMany(e => e.AcceptedPosts);

    public TimeSpan RealElapsed => _real.Elapsed;

    public async Task StartEmulatorAsync()
    {
        var emulator = new OneNetEmulator(_options);
        await emulator.StartAsync();
        _emulators.Add(emulator);
        Emulator = emulator;
    }

    public async Task StopEmulatorAsync()
    {
        OneNetEmulator emulator = Emulator;
        Emulator = null;
        if (emulator != null) await emulator.StopAsync();
        // Let every client notice (real time, bounded) so the whole fleet sees the outage in the same tick.
        var waited = Stopwatch.StartNew();
        while (Nodes.Any(n => n.Link.IsConnected) && waited.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(10);
    }

    /// <summary>Ticks until the virtual time reaches untilMs.</summary>
    public void RunUntil(long untilMs)
    {
        while (Clock.NowMilliseconds < untilMs) Tick();
    }

    public void RunFor(long ms) => RunUntil(Clock.NowMilliseconds + ms);

    /// <summary>Ticks until done() holds (checked every virtual second) or maxMs of virtual time passed; false then.</summary>
    public bool RunUntil(Func<bool> done, long maxMs)
    {
        long end = Clock.NowMilliseconds + maxMs;
        while (Clock.NowMilliseconds < end)
        {
            if (Clock.NowMilliseconds % 1000 == 0 && done()) return true;
            Tick();
        }
        return done();
    }

    public bool AllOnline() => Nodes.All(n => n.Runtime.Supervisor.IsOnline);

    /// <summary>One tick: all nodes stepped at the current virtual time, a brief real pause, then +100 ms.</summary>
    public void Tick()
    {
        if (_real.Elapsed > _realBudget)
        {
            throw new TimeoutException("the fleet did not finish within " + _realBudget.TotalSeconds + " s of real time (virtual "
                + Clock.NowMilliseconds + " ms)");
        }
        TimeSpan left = _realBudget - _real.Elapsed;
        if (!_barrier.SignalAndWait(left) || !_barrier.SignalAndWait(left))
        {
            throw new TimeoutException("a fleet worker is stuck at virtual " + Clock.NowMilliseconds + " ms");
        }
        if (_workerFailure != null) throw new InvalidOperationException("a node threw out of its step", _workerFailure);
        Thread.Sleep(_realSleepMs);
        Clock.Advance(TickMilliseconds);
    }

    private void Work(int shard, int shards)
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_stopping) return;
            long now = Clock.NowMilliseconds;
            try
            {
                for (int i = shard; i < Nodes.Count; i += shards) Nodes[i].Step(now);
            }
            catch (Exception ex)
            {
                _workerFailure ??= ex;
            }
            _barrier.SignalAndWait();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_barrier.ParticipantsRemaining > 0) _barrier.SignalAndWait(TimeSpan.FromSeconds(5));
        bool joined = _workers.All(w => w.Join(TimeSpan.FromSeconds(5)));
        if (joined) _barrier.Dispose(); // a worker stuck in a blocking call (a failed run) must not meet a disposed barrier
        await StopEmulatorAsync();
        foreach (FleetNode node in Nodes) node.Close();
    }
}
