namespace OneNetFirmware.OneNet.Config
{
    /// <summary>Reconnection backoff and the watchdog's escalation ladder.</summary>
    public class WatchdogConfig
    {
        /// <summary>Full-jitter backoff base; never below OneNET's login limit floor.</summary>
        public int BackoffBaseSeconds { get; set; } = 5;
        public int BackoffCapSeconds { get; set; } = 300;
        /// <summary>A session must stay up this long before the backoff resets.</summary>
        public int StableSessionSeconds { get; set; } = 300;
        /// <summary>Restart the Wi-Fi radio after this much continuous downtime.</summary>
        public int RestartNetworkAfterMinutes { get; set; } = 5;
        /// <summary>Reboot the board after this much continuous downtime; 0 = never.</summary>
        public int RebootAfterDowntimeMinutes { get; set; } = 15;
        /// <summary>Reboot when the main loop has not beaten its heartbeat for this long.</summary>
        public int HeartbeatTimeoutSeconds { get; set; } = 120;
        /// <summary>Reboot when free managed memory stays below this; 0 = never.</summary>
        public int MinFreeMemoryBytes { get; set; } = 16384;
        /// <summary>Boot-loop guard: at most this many watchdog reboots within BootLoopWindowMinutes.</summary>
        public int BootLoopMaxReboots { get; set; } = 5;
        public int BootLoopWindowMinutes { get; set; } = 60;
    }
}
