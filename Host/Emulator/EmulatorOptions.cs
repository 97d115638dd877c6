using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>How an emulator instance listens and which rules it applies. Tests bind 127.0.0.1 and free ports.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>The one address the MQTT listeners bind (IPv4 or IPv6): loopback unless a board on the LAN must connect.</summary>
        public IPAddress BindAddress { get; set; } = IPAddress.Loopback;
        public int Port { get; set; } = 1883;

        /// <summary>Server certificate (with private key) for the TLS listener; null = no TLS listener.</summary>
        public X509Certificate2 TlsCertificate { get; set; }
        public int TlsPort { get; set; } = 8883;

        /// <summary>The web console and operator HTTP API (docs/console.md); 0 = off.</summary>
        public int HttpPort { get; set; }

        /// <summary>
        /// Where the console listens: loopback by default. Any other address makes every write (POST) need
        /// ConsoleToken, generated at start when not set.
        /// </summary>
        public IPAddress HttpBindAddress { get; set; } = IPAddress.Loopback;
        public string ConsoleToken { get; set; }

        public List<RegisteredDevice> Devices { get; } = new();

        /// <summary>Optional thing model checked on every post; null = any identifier and type accepted.</summary>
        public ThingModel ThingModel { get; set; }

        /// <summary>docs/onenet-protocol.md "CONNECT rules and limits": more than LoginLimit CONNECTs of one device within LoginWindow → ban for BanDuration.</summary>
        public int LoginLimit { get; set; } = 3;
        public TimeSpan LoginWindow { get; set; } = TimeSpan.FromSeconds(5);
        public TimeSpan BanDuration { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>The platform's clock (token expiry, rate limit, bans, post timestamps); tests pass a virtual one.</summary>
        public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

        /// <summary>How many posts, replies, events and connect times are kept (oldest dropped), so weeks of running stay bounded.</summary>
        public int MaxRecords { get; set; } = 10000;

        /// <summary>Where log lines go (never a key or a token). Null = silent.</summary>
        public Action<string> Log { get; set; }
    }

    /// <summary>
    /// A device the platform knows. DeviceName null means a product-level key: it signs `res=products/{pid}` tokens
    /// and lets any valid device name of the product log in (the console's auto-register, docs/onenet-protocol.md#the-token).
    /// </summary>
    public sealed record RegisteredDevice(string ProductId, string DeviceName, string Key);
}
