using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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
            using RSA caKey = RSA.Create(2048);
            using X509Certificate2 ca = CreateCa("CN=Test MQTTS CA", caKey);
            using RSA otherKey = RSA.Create(2048);
            using X509Certificate2 other = CreateCa("CN=Someone Else", otherKey);
            CaPem = ca.ExportCertificatePem();
            OtherCaPem = other.ExportCertificatePem();
            using RSA serverKey = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using X509Certificate2 server = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), new byte[] { 1, 2, 3, 4 });
            File.WriteAllText(Path.Combine(_dir, "server.crt"), server.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_dir, "server.key"), serverKey.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(Path.Combine(_dir, "mosquitto.conf"),
                "per_listener_settings false\nallow_anonymous true\npersistence false\nlog_dest none\n" +
                "listener " + Port + " 127.0.0.1\n" +
                "listener " + TlsPort + " 127.0.0.1\ncertfile " + Path.Combine(_dir, "server.crt") + "\nkeyfile " + Path.Combine(_dir, "server.key") + "\n");
        }

        private static X509Certificate2 CreateCa(string subject, RSA key)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
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
            while (!(Accepts(Port) && Accepts(TlsPort)))
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

        private static bool Accepts(int port)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
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
