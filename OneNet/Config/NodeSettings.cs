namespace OneNetFirmware.OneNet.Config
{
    /// <summary>Reporting cadence and node-wide options.</summary>
    public class NodeSettings
    {
        /// <summary>How often the merged property post goes out (OneNET takes about one uplink per second).</summary>
        public int ReportIntervalSeconds { get; set; } = 60;
        /// <summary>How often diagnostics (uptime, RSSI, memory, counters) are posted.</summary>
        public int DiagnosticsIntervalSeconds { get; set; } = 600;
        /// <summary>GPIO of the status LED, or -1 for none.</summary>
        public int StatusLedPin { get; set; } = -1;
    }
}
