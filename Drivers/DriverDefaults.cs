namespace OneNetFirmware.Drivers
{
    /// <summary>
    /// Every tunable of the drivers in one place, each with its unit and reason (docs/sensors.md). Datasheet facts
    /// (addresses, commands, conversion times) stay in each chip's folder beside its register map; these are our choices.
    /// </summary>
    public static class DriverDefaults
    {
        /// <summary>
        /// Status polls after a chip's nominal conversion time before a read counts as a timeout (count). Three covers
        /// slow samples of a healthy chip; a chip that stays busy longer is reported (ReadStatus.Timeout), never waited on.
        /// </summary>
        public const int BusyRetries = 3;

        /// <summary>Wait between two AHT20 busy polls (ms): an eighth of its 80 ms conversion.</summary>
        public const int Aht20BusyRetryMilliseconds = 10;

        /// <summary>Wait between two BME280 busy polls (ms): a fifth of its 10 ms conversion at the oversampling we use.</summary>
        public const int Bme280BusyRetryMilliseconds = 2;

        /// <summary>
        /// The shortest window a pulse counter's rate is computed over (ms). One minute: the rate is per minute, and a
        /// rain gauge gives a few pulses a minute, so shorter windows would mostly report 0 or one pulse's worth.
        /// </summary>
        public const long RateWindowMilliseconds = 60000;

        /// <summary>
        /// An input pin is read again at least this often (ms) even without an edge event (InputLevels): a lost event
        /// then shows for at most a minute, and a door that stays shut costs 60 pin reads an hour instead of 36,000.
        /// </summary>
        public const long InputResyncMilliseconds = 60000;
    }
}
