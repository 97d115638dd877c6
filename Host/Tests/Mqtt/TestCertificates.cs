using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OneNetFirmware.Host.Tests.Mqtt
{
    /// <summary>A private CA, an unrelated CA and a 127.0.0.1 server certificate signed by the first, made fresh per test.</summary>
    public sealed class TestCertificates : IDisposable
    {
        public string CaPem { get; }
        public string OtherCaPem { get; }
        /// <summary>The server certificate with its private key.</summary>
        public X509Certificate2 Server { get; }

        public TestCertificates()
        {
            using RSA caKey = RSA.Create(2048);
            using X509Certificate2 ca = CreateCa("CN=Test MQTTS CA", caKey);
            using RSA otherKey = RSA.Create(2048);
            using X509Certificate2 other = CreateCa("CN=Someone Else", otherKey);
            CaPem = ca.ExportCertificatePem();
            OtherCaPem = other.ExportCertificatePem();
            using RSA serverKey = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using X509Certificate2 signed = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), new byte[] { 1, 2, 3, 4 });
            // Round-trip through PKCS#12 so SslStream gets a key it can use on every platform.
            Server = X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(serverKey).Export(X509ContentType.Pkcs12), null);
        }

        public string ServerCertificatePem => Server.ExportCertificatePem();

        public string ServerKeyPem => Server.GetRSAPrivateKey().ExportPkcs8PrivateKeyPem();

        private static X509Certificate2 CreateCa(string subject, RSA key)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        }

        public void Dispose() => Server.Dispose();
    }
}
