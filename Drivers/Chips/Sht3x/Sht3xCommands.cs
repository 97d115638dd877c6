namespace OneNetFirmware.Drivers.Chips.Sht3x
{
    /// <summary>The SHT3x commands the driver sends (16-bit, most significant byte first) and its timing (datasheet §4).</summary>
    public static class Sht3xCommands
    {
        /// <summary>Soft reset 0x30A2.</summary>
        public const byte SoftResetMsb = 0x30;
        public const byte SoftResetLsb = 0xA2;

        /// <summary>Single shot, high repeatability, clock stretching disabled: 0x2400.</summary>
        public const byte SingleShotHighNoStretchMsb = 0x24;
        public const byte SingleShotHighNoStretchLsb = 0x00;

        /// <summary>Longest high-repeatability measurement (15.5 ms), rounded up.</summary>
        public const int MeasureMilliseconds = 16;
    }
}
