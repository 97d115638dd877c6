using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Threading;
using BenchmarkDotNet.Attributes;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// One report through the real runtime: the node of the repository's nf-config.json (simulated sensors, NodeBuilder,
    /// MqttNetLink) samples every sensor, posts the property post (QoS 0, as the node does) and applies the reply — until
    /// its outbox is empty again. Virtual time moves 2 s per post (the pacer allows 1 post/s; the slowest chips 1 read per
    /// 2 s), so this is the runtime's cost per post, not a rate a node would ever reach.
    /// </summary>
    [MemoryDiagnoser]
    public class RuntimePostBenchmarks
    {
        private const int SecondsPerPost = 2;
        private readonly VirtualClock _clock = new();
        private OneNetEmulator _emulator;
        private LocalMosquitto _mosquitto;
        private SignallingLink _link;
        private SimulatedWorld _world;
        private NodeRuntime _node;

        [Params("emulator", "mosquitto")]
        public string Broker { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            NodeConfig config = ConfigFile.Load(RepositoryFile("nf-config.json")).Config;
            config.Node.ReportIntervalSeconds = SecondsPerPost;
            config.Node.DiagnosticsIntervalSeconds = 0;
            foreach (SensorConfig sensor in config.Sensors) sensor.IntervalSeconds = SecondsPerPost;
            config.OneNet.Host = "127.0.0.1";
            config.OneNet.Tls = false;
            if (Broker == "emulator")
            {
                var options = new EmulatorOptions
                {
                    BindAddress = IPAddress.Loopback,
                    Port = FreePort.Next(),
                    Clock = () => DateTimeOffset.FromUnixTimeMilliseconds(_clock.UtcUnixMilliseconds),
                    MaxRecords = 100,
                };
                options.Devices.Add(new RegisteredDevice(config.OneNet.ProductId, config.OneNet.DeviceName, config.OneNet.DeviceKey));
                _emulator = new OneNetEmulator(options);
                _emulator.StartAsync().GetAwaiter().GetResult();
                config.OneNet.Port = options.Port;
            }
            else
            {
                _mosquitto = new LocalMosquitto(tcpNoDelay: true);
                config.OneNet.Port = _mosquitto.Port;
            }
            _world = new SimulatedWorld(config, _clock);
            _link = new SignallingLink(new MqttNetLink());
            _node = NodeBuilder.Build(config, new HostNetwork(), _link, _clock, new HostBoard(), new SilentLog(), new HmacSigner(),
                _world.Sensors, _world.Gpio, new SystemRandomSource(1));
            var deadline = Stopwatch.StartNew();
            while (!_node.Supervisor.IsOnline || _node.Outbox.Depth > 0)
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(20)) throw new InvalidOperationException("the node did not get online and empty its outbox");
                _node.Supervisor.Step(_clock.NowMilliseconds);
                _node.Loop.Step(_clock.NowMilliseconds);
                Thread.Sleep(1);
                _clock.Advance(RuntimeDefaults.StepMilliseconds);
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _link.Dispose();
            _emulator?.StopAsync().GetAwaiter().GetResult();
            _mosquitto?.Dispose();
        }

        [Benchmark]
        public int SampleAndPostUntilAcknowledged()
        {
            _clock.Advance(SecondsPerPost * 1000);
            long now = _clock.NowMilliseconds;
            _world.Update(now / 1000.0);
            _node.Supervisor.Step(now);
            _node.Loop.Step(now);
            int steps = 1;
            while (_node.Outbox.Depth > 0)
            {
                // The main loop applies the reply once it has arrived (the link's listener only queues it).
                if (!_link.Arrived.Wait(5000)) throw new InvalidOperationException("no reply within 5 s");
                _node.Loop.Step(_clock.NowMilliseconds);
                steps++;
            }
            return steps;
        }

        private static string RepositoryFile(string name)
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "OneNetFirmware.sln"))) dir = Path.GetDirectoryName(dir);
            return Path.Combine(dir ?? throw new InvalidOperationException("OneNetFirmware.sln not found"), name);
        }

        /// <summary>The node's link, releasing a semaphore after each message it hands to the node.</summary>
        private sealed class SignallingLink(MqttNetLink inner) : IMqttLink, IMqttLinkListener, IDisposable
        {
            private IMqttLinkListener _listener;

            public SemaphoreSlim Arrived { get; } = new(0);

            public bool IsConnected => inner.IsConnected;

            public void SetListener(IMqttLinkListener listener)
            {
                _listener = listener;
                inner.SetListener(this);
            }

            public int Connect(MqttConnectOptions options) => inner.Connect(options);

            public bool Subscribe(string[] topicFilters) => inner.Subscribe(topicFilters);

            public bool Publish(string topic, byte[] payload, int count, int qos) => inner.Publish(topic, payload, count, qos);

            public void Disconnect() => inner.Disconnect();

            public void OnMessage(string topic, byte[] payload)
            {
                _listener.OnMessage(topic, payload);
                Arrived.Release();
            }

            public void OnConnectionLost() => _listener.OnConnectionLost();

            public void Dispose() => inner.Dispose();
        }

        private sealed class SilentLog : ILog
        {
            public void Info(string message)
            {
            }

            public void Warn(string message)
            {
            }

            public void Error(string message)
            {
            }
        }
    }
}
