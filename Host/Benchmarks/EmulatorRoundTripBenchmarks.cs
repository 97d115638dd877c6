using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Tests.Mqtt;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// One property post through the host MQTT link to the in-process emulator and back: publish, the emulator's
    /// checks and 200 reply, the reply delivered to the listener (loopback). Also the cost of one token check.
    /// </summary>
    [MemoryDiagnoser]
    public class EmulatorRoundTripBenchmarks
    {
        private const string Dev = "bench-01";
        private static readonly string Key = Convert.ToBase64String(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef"));
        private OneNetEmulator _emulator;
        private ReplyAwaitingLink _link;
        private string _token;
        private List<RegisteredDevice> _devices;

        [Params(0, 1)]
        public int Qos { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var options = new EmulatorOptions { BindAddress = IPAddress.Loopback, Port = FreePort.Next() };
            options.Devices.Add(new RegisteredDevice(ReplyAwaitingLink.ProductId, Dev, Key));
            _devices = options.Devices;
            _emulator = new OneNetEmulator(options);
            _emulator.StartAsync().GetAwaiter().GetResult();
            long et = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds();
            _token = OneNetFirmware.OneNet.OneNetToken.Build(ReplyAwaitingLink.ProductId, Dev, Key, "sha256", et, new OneNetFirmware.Host.OneNet.HmacSigner());
            _link = new ReplyAwaitingLink(options.Port, Dev, Key);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _link.Dispose();
            _emulator.StopAsync().GetAwaiter().GetResult();
        }

        [Benchmark]
        public bool PostAndAwaitReply() => _link.PostAndAwaitReply(Qos);

        [Benchmark]
        public bool VerifyToken() => TokenVerifier.Verify(_token, ReplyAwaitingLink.ProductId, Dev, _devices, DateTimeOffset.UtcNow).Accepted;
    }
}
