namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The identifiers of the diagnostics post, in the order it writes them. Static fields, not literals: on the device
    /// every use of a literal allocates a new string. Each follows the identifier rule (TextRules.IsIdentifier; tested).
    /// </summary>
    public static class DiagnosticsIdentifiers
    {
        public static readonly string Uptime = "diag_uptime";
        public static readonly string Rssi = "diag_rssi";
        public static readonly string FreeMemory = "diag_free_memory";
        public static readonly string LargestBlock = "diag_largest_block";
        public static readonly string Connects = "diag_connects";
        public static readonly string Disconnects = "diag_disconnects";
        public static readonly string AuthFailures = "diag_auth_failures";
        public static readonly string NetworkRestarts = "diag_net_restarts";
        public static readonly string QuickDrops = "diag_quick_drops";
        /// <summary>Bool: another connection with this device name seems to take the session over.</summary>
        public static readonly string Duplicate = "diag_duplicate";
        public static readonly string BootLoopGuard = "diag_boot_loop_guard";
        public static readonly string Boots = "diag_boots";
        public static readonly string Reset = "diag_reset";
        public static readonly string OutboxDepth = "diag_outbox_depth";
        public static readonly string OutboxDropped = "diag_outbox_dropped";
        public static readonly string Rejected = "diag_rejected";
        public static readonly string SensorFailures = "diag_sensor_failures";
        public static readonly string EventsDropped = "diag_events_dropped";
        public static readonly string BadDownlinks = "diag_bad_downlinks";

        /// <summary>Failed reads of the sensor at index i (configuration order) since start (20 characters at most up to sensor 99999).</summary>
        public static string SensorFailuresOf(int sensor) { return "diag_s" + sensor.ToString() + "_failures"; }

        /// <summary>The latest ReadStatus of the sensor at index i (0 = ok).</summary>
        public static string SensorStatusOf(int sensor) { return "diag_s" + sensor.ToString() + "_status"; }

        /// <summary>Every fixed one of them (for tests and tools that list the thing model); the per-sensor ones come on top.</summary>
        public static readonly string[] All =
        {
            Uptime, Rssi, FreeMemory, LargestBlock, Connects, Disconnects, AuthFailures, NetworkRestarts, QuickDrops,
            Duplicate, BootLoopGuard, Boots, Reset, OutboxDepth, OutboxDropped, Rejected, SensorFailures, EventsDropped,
            BadDownlinks,
        };
    }
}
