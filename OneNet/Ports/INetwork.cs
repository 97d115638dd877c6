namespace OneNetFirmware.Ports
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

        /// <summary>Starts (or restarts) the connection; returns at once, IsUp tells when it is there.</summary>
        void Start();

        /// <summary>The watchdog's second rung: disconnect and reconnect the radio.</summary>
        void Restart();
    }
}
