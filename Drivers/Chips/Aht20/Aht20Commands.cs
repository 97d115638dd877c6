namespace OneNetFirmware.Drivers.Chips.Aht20
{
    /// <summary>The AHT20 commands (three bytes each), status bits and timing the driver uses (datasheet §5.3–5.4).</summary>
    public static class Aht20Commands
    {
        /// <summary>Initialise (load calibration): 0xBE 0x08 0x00.</summary>
        public const byte Initialize = 0xBE;
        public const byte InitializeArg0 = 0x08;
        public const byte InitializeArg1 = 0x00;

        /// <summary>Trigger a measurement: 0xAC 0x33 0x00.</summary>
        public const byte Trigger = 0xAC;
        public const byte TriggerArg0 = 0x33;
        public const byte TriggerArg1 = 0x00;

        /// <summary>Status byte bit 7: still measuring.</summary>
        public const int StatusBusy = 0x80;

        /// <summary>Status byte bit 3: calibration loaded.</summary>
        public const int StatusCalibrated = 0x08;

        /// <summary>A measurement takes 80 ms.</summary>
        public const int MeasureMilliseconds = 80;
    }
}
