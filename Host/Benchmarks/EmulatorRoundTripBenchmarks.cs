using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using BenchmarkDotNet.Attributes;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// One property post through the host MQTT link to the in-process emulator and back: publish, the emulator's
    /// checks and 200 reply, the reply delivered to the listener (loopback). Also the cost of one token check.
    /// </summary>
    [MemoryDiagnoser]
    public class EmulatorRoundTripBenchmarks : IMqttLinkListener
    {
        private const string Pid = "BenchProd1";
        private const string Dev = "bench-01";
        private static readonly string Key = Convert.ToBase64String(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef"));
        private readonly SemaphoreSlim _reply = new(0);
        private OneNetEmulator _emulator;
        private MqttNetLink _link;
        private byte[] _post;
        private string _token;
        private List<RegisteredDevice> _devices;

        [Params(0, 1)]
        public int Qos { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var options = new EmulatorOptions { BindAddress = IPAddress.Loopback, Port = port };
            options.Devices.Add(new RegisteredDevice(Pid, Dev, Key));
            _devices = options.Devices;
            _emulator = new OneNetEmulator(options);
            _emulator.StartAsync().GetAwaiter().GetResult();
            long et = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds();
            _token = OneNetFirmware.OneNet.OneNetToken.Build(Pid, Dev, Key, "sha256", et, new OneNetFirmware.Host.OneNet.HmacSigner());
            _link = new MqttNetLink();
            _link.SetListener(this);
            int code = _link.Connect(new MqttConnectOptions { Host = "127.0.0.1", Port = port, ClientId = Dev, UserName = Pid, Password = _token, KeepAliveSeconds = 120, TimeoutMilliseconds = 5000 });
            if (code != 0 || !_link.Subscribe(new[] { "$sys/" + Pid + "/" + Dev + "/thing/property/post/reply" })) throw new InvalidOperationException("setup failed: " + code);
            _post = Encoding.UTF8.GetBytes("{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"temperature\":{\"value\":23.6,\"time\":1800000000123},\"humidity\":{\"value\":41.5}}}");
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _link.Dispose();
            _emulator.StopAsync().GetAwaiter().GetResult();
        }

        [Benchmark]
        public bool PostAndAwaitReply()
        {
            if (!_link.Publish("$sys/" + Pid + "/" + Dev + "/thing/property/post", _post, _post.Length, Qos)) return false;
            return _reply.Wait(5000);
        }

        [Benchmark]
        public bool VerifyToken() => TokenVerifier.Verify(_token, Pid, Dev, _devices, DateTimeOffset.UtcNow).Accepted;

        public void OnMessage(string topic, byte[] payload) => _reply.Release();

        public void OnConnectionLost()
        {
        }
    }
}
