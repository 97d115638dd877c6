namespace OneNetFirmware.Drivers.Chips.Bh1750
{
    /// <summary>The BH1750 opcodes the driver sends and its timing (datasheet "Instruction Set Architecture").</summary>
    public static class Bh1750Commands
    {
        public const byte PowerOn = 0x01;

        /// <summary>One-time high-resolution mode (1 lx); the chip powers down after the measurement.</summary>
        public const byte OneTimeHighResolution = 0x20;

        /// <summary>Longest high-resolution measurement (180 ms).</summary>
        public const int MeasureMilliseconds = 180;
    }
}
