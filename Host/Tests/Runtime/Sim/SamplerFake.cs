using System.Collections.Generic;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Host.Tests.Runtime.Sim;

/// <summary>
/// Sensors that produce unique values (a running count) every IntervalMs, remembering each reading and when it was
/// taken, so the platform's points can be matched to their original timestamps. Survives simulated reboots.
/// </summary>
public sealed class SamplerFake(int[] properties, int intervalMs) : ISampler
{
    public readonly List<(int Property, double Value, long MonoMs)> Sampled = new();
    /// <summary>The input events raised (event 0, alternating values), when EventEveryMs &gt; 0.</summary>
    public readonly List<(bool Value, long MonoMs)> Raised = new();
    public int EventEveryMs;
    private long _nextEvent;
    public int IntervalMs = intervalMs;
    public int FailEvery;
    public int MinIntervalSeconds = 2;
    private long _next;
    private int _count;
    private int _reads;

    public int SampleDue(long nowMs, bool forceAll, IReadingSink sink)
    {
        if (EventEveryMs > 0 && nowMs >= _nextEvent)
        {
            _nextEvent = nowMs + EventEveryMs;
            bool value = Raised.Count % 2 == 0;
            Raised.Add((value, nowMs));
            sink.AddEvent(0, value);
        }
        if (!forceAll && nowMs < _next)
        {
            return 0;
        }
        _next = nowMs + IntervalMs;
        if (FailEvery > 0 && ++_reads % FailEvery == 0)
        {
            Failures++;
            return 1;
        }
        foreach (int p in properties)
        {
            double value = ++_count;
            Sampled.Add((p, value, nowMs));
            sink.Add(p, value);
        }
        return 0;
    }

    public int SensorCount => 1;
    /// <summary>Failed reads (every FailEvery-th).</summary>
    public int Failures;
    public int SensorFailures(int sensor) => Failures;
    public int SensorStatus(int sensor) => 0;

    public bool SetIntervalSeconds(int seconds)
    {
        if (seconds < MinIntervalSeconds)
        {
            return false;
        }
        IntervalMs = seconds * 1000;
        return true;
    }

    public int InputState(int pin) => -1;

    public double LatestValue(int propertyIndex)
    {
        for (int i = Sampled.Count - 1; i >= 0; i--)
        {
            if (Sampled[i].Property == propertyIndex)
            {
                return Sampled[i].Value;
            }
        }
        return double.NaN;
    }
}

/// <summary>Relays as a dictionary of property index → state.</summary>
public sealed class OutputsFake(params int[] properties) : IOutputs
{
    public readonly Dictionary<int, bool> State = new();
    public bool Has(int propertyIndex) => System.Array.IndexOf(properties, propertyIndex) >= 0;
    public bool Get(int propertyIndex) => State.TryGetValue(propertyIndex, out bool on) && on;
    public bool Set(int propertyIndex, bool on)
    {
        State[propertyIndex] = on;
        return true;
    }
}

/// <summary>Deterministic jitter from a seeded System.Random.</summary>
public sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly System.Random _random = new(seed);
    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
}
