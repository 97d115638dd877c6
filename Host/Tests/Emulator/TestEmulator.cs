using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Tests.Emulator
{
    /// <summary>An in-process emulator on 127.0.0.1 and a free port, with one device and a virtual platform clock.</summary>
    public sealed class TestEmulator : IAsyncDisposable
    {
        public const string ProductId = "TestProd01";
        public const string DeviceName = "node-01";
        public const string OtherDevice = "node-02";
        public static readonly string Key = Convert.ToBase64String(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef"));
        public static readonly string OtherKey = Convert.ToBase64String(Encoding.ASCII.GetBytes("fedcba9876543210fedcba9876543210"));

        public DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        public OneNetEmulator Emulator { get; }
        public int Port { get; }
        public string Prefix => "$sys/" + ProductId + "/" + DeviceName + "/";

        private TestEmulator(Action<EmulatorOptions> configure)
        {
            Port = FreePort.Next();
            var options = new EmulatorOptions { BindAddress = IPAddress.Loopback, Port = Port, Clock = () => Now };
            options.Devices.Add(new RegisteredDevice(ProductId, DeviceName, Key));
            options.Devices.Add(new RegisteredDevice(ProductId, OtherDevice, OtherKey));
            configure?.Invoke(options);
            Emulator = new OneNetEmulator(options);
        }

        public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions> configure = null)
        {
            var t = new TestEmulator(configure);
            await t.Emulator.StartAsync();
            return t;
        }

        public long FutureEt => Now.ToUnixTimeSeconds() + 3600;

        public MqttConnectOptions Options(string clientId = DeviceName, string userName = ProductId, string password = null, int keepAlive = 60)
        {
            return new MqttConnectOptions
            {
                Host = "127.0.0.1",
                Port = Port,
                ClientId = clientId,
                UserName = userName,
                Password = password ?? Tokens.Make("products/" + ProductId + "/devices/" + DeviceName, FutureEt, "sha256", Key),
                KeepAliveSeconds = keepAlive,
                TimeoutMilliseconds = 5000,
            };
        }

        /// <summary>A link connected as the test device and subscribed to its thing topics.</summary>
        public (MqttNetLink Link, RecordingListener Listener) Connect()
        {
            var link = new MqttNetLink();
            var listener = new RecordingListener();
            link.SetListener(listener);
            int code = link.Connect(Options());
            if (code != 0) throw new InvalidOperationException("CONNACK " + code);
            if (!link.Subscribe(new[] { Prefix + "thing/#" })) throw new InvalidOperationException("subscribe failed");
            return (link, listener);
        }

        public ValueTask DisposeAsync() => Emulator.DisposeAsync();
    }
}
