using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Xunit;

namespace OneNetFirmware.Host.Tests.Mqtt
{
    /// <summary>
    /// A private Mosquitto on loopback free ports (plain + TLS with a CA and server certificate generated here), started
    /// and killed by the test; never the system service. Skips the test only when mosquitto is not installed.
    /// </summary>
    public sealed class MosquittoBroker : IDisposable
    {
        private const string Binary = "/usr/sbin/mosquitto";
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "mosquitto-test-" + Guid.NewGuid().ToString("N"));
        private Process _process;

        public int Port { get; } = FreePort.Next();
        public int TlsPort { get; } = FreePort.Next();
        public string CaPem { get; }
        public string OtherCaPem { get; }

        public MosquittoBroker()
        {
            if (!File.Exists(Binary)) Assert.Skip("mosquitto is not installed (Debian package `mosquitto`)");
            Directory.CreateDirectory(_dir);
            using var certificates = new TestCertificates();
            CaPem = certificates.CaPem;
            OtherCaPem = certificates.OtherCaPem;
            File.WriteAllText(Path.Combine(_dir, "server.crt"), certificates.ServerCertificatePem);
            File.WriteAllText(Path.Combine(_dir, "server.key"), certificates.ServerKeyPem);
            File.WriteAllText(Path.Combine(_dir, "mosquitto.conf"),
                "per_listener_settings false\nallow_anonymous true\npersistence false\nlog_dest none\n" +
                "listener " + Port + " 127.0.0.1\n" +
                "listener " + TlsPort + " 127.0.0.1\ncertfile " + Path.Combine(_dir, "server.crt") + "\nkeyfile " + Path.Combine(_dir, "server.key") + "\n");
        }

        /// <summary>Starts mosquitto and waits (bounded) until both listeners accept connections.</summary>
        public void Start()
        {
            _process = Process.Start(new ProcessStartInfo(Binary, new[] { "-c", Path.Combine(_dir, "mosquitto.conf") })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            DateTime end = DateTime.UtcNow.AddSeconds(10);
            while (!(FreePort.Accepts(Port) && FreePort.Accepts(TlsPort)))
            {
                if (_process.HasExited) throw new InvalidOperationException("mosquitto exited: " + _process.StandardError.ReadToEnd());
                if (DateTime.UtcNow > end) throw new TimeoutException("mosquitto did not start");
                Thread.Sleep(50);
            }
        }

        public void Kill()
        {
            if (_process == null) return;
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
            }
            _process.Dispose();
            _process = null;
        }

        public void Dispose()
        {
            Kill();
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
