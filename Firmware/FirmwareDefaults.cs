namespace OneNetFirmware
{
    /// <summary>
    /// The ESP32 application's fixed settings in one place, each with its unit and reason (docs/architecture.md
    /// "Tunables and their sources"; the device facts behind them: docs/device-runtime.md).
    /// </summary>
    internal static class FirmwareDefaults
    {
        /// <summary>The node record (boot count, reboot reason, output states) on the internal flash drive.</summary>
        public const string RecordPath = "I:\\node-record.txt";

        /// <summary>Battery mode's saved outbox on the internal flash drive.</summary>
        public const string OutboxPath = "I:\\outbox.bin";

        /// <summary>One Wi-Fi connect attempt may block this long (ms); the supervisor starts again after its deadline.</summary>
        public const int WifiConnectTimeoutMilliseconds = 30000;

        /// <summary>M2Mqtt's in-flight queue (messages): QoS 0 posts pass through it; docs/device-runtime.md "MQTT".</summary>
        public const int MqttInflightQueue = 16;

        /// <summary>How long one SUBSCRIBE waits for its SUBACK (ms); docs/device-runtime.md "MQTT".</summary>
        public const int SubscribeTimeoutMilliseconds = 10000;

        /// <summary>The status LED thread's period (ms): fine enough for the blink patterns of StatusLed.</summary>
        public const int StatusLedStepMilliseconds = 50;

        /// <summary>
        /// The wall clock is trusted from this year on (SNTP has set it): the ESP32 starts at 1970 after a reset and this
        /// firmware was written after 2021, so an earlier year means "not set yet".
        /// </summary>
        public const int FirstValidYear = 2021;

        /// <summary>How often a SUBSCRIBE looks for its SUBACK while waiting (ms): short against the 10 s timeout.</summary>
        public const int SubackPollMilliseconds = 100;

        /// <summary>How often a Wi-Fi connect looks for its IPv4 address while waiting (ms).</summary>
        public const int AddressPollMilliseconds = 500;
    }
}
