using System.Collections.Generic;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Node;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// One node of the fleet: the real NodeBuilder runtime with its own MqttNetLink and simulated SHT3x, on a view of the
/// fleet's shared virtual clock. Its CONNECT attempts are recorded with their virtual times.
/// </summary>
public sealed class FleetNode
{
    public readonly string DeviceName;
    public readonly FleetNodeClock Clock;
    public readonly FleetAttemptLink Link;
    public readonly SimLog Log = new();
    public readonly NodeRuntime Runtime;
    private readonly MqttNetLink _mqtt = new();

    public FleetNode(VirtualClock shared, string productId, string deviceName, string key, int port, int reportSeconds, IRandomSource random)
    {
        DeviceName = deviceName;
        Clock = new FleetNodeClock(shared);
        Link = new FleetAttemptLink(_mqtt, Clock);
        NodeConfig config = NodeHarness.SensorNodeConfig(productId, deviceName, key, 1);
        config.Node.ReportIntervalSeconds = reportSeconds;
        config.OneNet.Host = "127.0.0.1";
        config.OneNet.Port = port;
        config.Outputs = [];
        var hardware = new SimulatedSensorHardware();
        hardware.Bus(1).Attach(0x44, new Sht3xChip(Clock) { Temperature = 21.5, Humidity = 40 });
        Runtime = NodeBuilder.Build(config, new HostNetwork(), Link, Clock, new SimBoard(), Log, new HmacSigner(), hardware, null, random);
    }

    /// <summary>Both loops once at the shared virtual time, as the device's two threads would within 100 ms.</summary>
    public void Step(long nowMs)
    {
        Runtime.Supervisor.Step(nowMs);
        Runtime.Loop.Step(nowMs);
    }

    public void Close() => _mqtt.Dispose();
}

/// <summary>
/// A node's clock over the fleet's shared virtual clock: Sleep (a driver waiting for a measurement) moves only this
/// node's time ahead, so 200 nodes sleeping never advance the shared clock; the shared time catches up next tick.
/// </summary>
public sealed class FleetNodeClock(VirtualClock shared) : IClock
{
    private long _sleptUntil;

    public long NowMilliseconds
    {
        get
        {
            long now = shared.NowMilliseconds;
            return now > _sleptUntil ? now : _sleptUntil;
        }
    }

    public bool IsUtcValid => true;

    public long UtcUnixMilliseconds => VirtualClock.UtcAt(NowMilliseconds);

    public void Sleep(int milliseconds) => _sleptUntil = NowMilliseconds + milliseconds;
}

/// <summary>The node's link with every CONNECT attempt recorded at the node's virtual time (the login-limit check).</summary>
public sealed class FleetAttemptLink(IMqttLink inner, IClock clock) : IMqttLink
{
    public readonly List<long> AttemptsMs = new();

    public bool IsConnected => inner.IsConnected;

    public void SetListener(IMqttLinkListener listener) => inner.SetListener(listener);

    public int Connect(MqttConnectOptions options)
    {
        AttemptsMs.Add(clock.NowMilliseconds);
        return inner.Connect(options);
    }

    public bool Subscribe(string[] topicFilters) => inner.Subscribe(topicFilters);

    public bool Publish(string topic, byte[] payload, int count, int qos) => inner.Publish(topic, payload, count, qos);

    public void Disconnect() => inner.Disconnect();
}
