namespace OneNetFirmware.OneNet.Config
{
    /// <summary>How the node reaches OneNET (docs/onenet-protocol.md). The device key is a secret: never logged.</summary>
    public class OneNetConfig
    {
        /// <summary>Broker host: the product's smart domain if the console shows one, else mqtts.heclouds.com (plain) or mqttstls.heclouds.com (TLS).</summary>
        public string Host { get; set; } = "mqtts.heclouds.com";
        public int Port { get; set; } = 1883;
        public bool Tls { get; set; }
        /// <summary>Where the OneNET MQTTS CA certificate (PEM) is stored on the board; used when Tls is true.</summary>
        public string CaCertificatePath { get; set; } = "I:\\onenet-mqtts-ca.pem";
        public string ProductId { get; set; }
        /// <summary>The device name; it is also the MQTT client id and part of every topic.</summary>
        public string DeviceName { get; set; }
        /// <summary>The device key exactly as the console shows it (Base64).</summary>
        public string DeviceKey { get; set; }
        /// <summary>md5, sha1 or sha256. The device can only sign with sha256.</summary>
        public string TokenMethod { get; set; } = "sha256";
        /// <summary>Token lifetime counted from the (SNTP-synced) clock at every CONNECT.</summary>
        public int TokenLifetimeHours { get; set; } = 24;
        /// <summary>A fixed expiry (Unix seconds) for boards without a valid clock; 0 means "use TokenLifetimeHours".</summary>
        public long TokenExpiresAtUnixSeconds { get; set; }
        /// <summary>MQTT keep-alive; OneNET accepts 10–1800 s.</summary>
        public int KeepAliveSeconds { get; set; } = 120;
    }
}
