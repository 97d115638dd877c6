namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// The IP network under MQTT. Device: WifiNetworkHelper / NetworkChange on the ESP32 (automatic reconnection by
    /// the firmware); host: always up, or fault-injected in tests.
    /// </summary>
    public interface INetwork
    {
        /// <summary>True when the station has an IPv4 address (not merely "associated").</summary>
        bool IsUp { get; }

        /// <summary>Signal strength in dBm for diagnostics; 0 when unknown.</summary>
        int Rssi { get; }

        /// <summary>
        /// Starts (or restarts) the connection; returns at once, IsUp tells when it is there. saveCredentials: hand the
        /// configured credentials to the radio's stored configuration (a flash write on the ESP32); false reconnects
        /// without writing. The supervisor bounds how often it passes true (CredentialSaves).
        /// </summary>
        void Start(bool saveCredentials);

        /// <summary>The watchdog's second rung: disconnect and reconnect the radio (saveCredentials as for Start).</summary>
        void Restart(bool saveCredentials);
    }
}
