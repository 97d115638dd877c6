using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// The real MqttNetLink under an accelerated virtual clock. Its blocking calls wait in real time, so a CONNECT into a
/// black hole is cut to RealTimeoutMilliseconds (a loopback broker answers in far less) and then costs the virtual clock
/// the full timeout the supervisor asked for, as it would on the device: WhileBlocked gets that time to pass (the
/// harness runs the main loop through it, as the device's main thread runs while the supervisor thread blocks).
/// Records the virtual time of every CONNECT.
/// </summary>
public sealed class VirtualTimeLink(VirtualClock clock) : IMqttLink
{
    public const int RealTimeoutMilliseconds = 1500;

    public readonly MqttNetLink Inner = new();
    public readonly List<long> ConnectTimes = new();

    /// <summary>Lets the given virtual milliseconds pass while a call blocks.</summary>
    public Action<long> WhileBlocked = ms => clock.Advance(ms);

    public void SetListener(IMqttLinkListener listener) => Inner.SetListener(listener);

    public bool IsConnected => Inner.IsConnected;

    public int Connect(MqttConnectOptions options)
    {
        lock (ConnectTimes) ConnectTimes.Add(clock.NowMilliseconds);
        int asked = options.TimeoutMilliseconds;
        options.TimeoutMilliseconds = RealTimeoutMilliseconds;
        var real = Stopwatch.StartNew();
        int result = Inner.Connect(options);
        options.TimeoutMilliseconds = asked;
        if (result == ConnectResult.NetworkError && real.ElapsedMilliseconds >= RealTimeoutMilliseconds) WhileBlocked(asked);
        return result;
    }

    public bool Subscribe(string[] topicFilters) => Inner.Subscribe(topicFilters);

    /// <summary>Property and history posts the link accepted (the platform answers each).</summary>
    public int Posts => Volatile.Read(ref _posts);

    private int _posts;

    public bool Publish(string topic, byte[] payload, int count, int qos)
    {
        bool sent = Inner.Publish(topic, payload, count, qos);
        if (sent && topic.EndsWith("/post", System.StringComparison.Ordinal)) Interlocked.Increment(ref _posts);
        return sent;
    }

    public void Disconnect() => Inner.Disconnect();
}
