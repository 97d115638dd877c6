namespace OneNetFirmware.OneNet.Config
{
    /// <summary>
    /// Battery mode (off by default): each wake-up samples every sensor once, connects, posts, waits for the replies
    /// (at most AwakeLimitSeconds), saves what is unacknowledged to flash and deep-sleeps for SleepSeconds.
    /// </summary>
    public class BatteryConfig
    {
        public bool Enabled { get; set; } = false;
        /// <summary>Deep sleep between wake-ups (each wake-up pays a Wi-Fi + MQTT connect; ≥ 300 is recommended).</summary>
        public int SleepSeconds { get; set; } = 600;
        /// <summary>Hard cap on one wake-up, from boot to sleep, whether or not OneNET answered.</summary>
        public int AwakeLimitSeconds { get; set; } = 30;
        /// <summary>Diagnostics are posted on every Nth wake-up (by boot count); 0 = never.</summary>
        public int DiagnosticsEveryWakeups { get; set; } = 12;
    }
}
