namespace OneNetFirmware.Drivers.Chips.Bme280
{
    /// <summary>The BME280/BMP280 register map the driver uses (BME280 datasheet §5.3, BMP280 §4.3).</summary>
    public static class Bme280Registers
    {
        /// <summary>chip id: 0x60 on a BME280, 0x58 on a BMP280.</summary>
        public const byte ChipId = 0xD0;
        public const int ChipIdBme280 = 0x60;
        public const int ChipIdBmp280 = 0x58;

        /// <summary>Writing 0xB6 here resets the chip (start-up takes 2 ms).</summary>
        public const byte Reset = 0xE0;
        public const byte ResetCommand = 0xB6;

        /// <summary>dig_T1..dig_P9, 24 bytes little endian.</summary>
        public const byte CalibrationTemperaturePressure = 0x88;

        /// <summary>dig_H1 (BME280 only).</summary>
        public const byte CalibrationH1 = 0xA1;

        /// <summary>dig_H2..dig_H6, 7 bytes (BME280 only).</summary>
        public const byte CalibrationHumidity = 0xE1;

        /// <summary>ctrl_hum; takes effect only after the next write to ctrl_meas.</summary>
        public const byte ControlHumidity = 0xF2;
        public const byte HumidityOversampling1 = 0x01;

        /// <summary>status: bit 3 set while measuring.</summary>
        public const byte Status = 0xF3;
        public const int StatusMeasuring = 0x08;

        /// <summary>ctrl_meas; 0x25 = osrs_t ×1, osrs_p ×1, forced mode.</summary>
        public const byte ControlMeasurement = 0xF4;
        public const byte ForcedOversampling1 = 0x25;

        /// <summary>press, temp[, hum] burst: 6 bytes (8 with humidity).</summary>
        public const byte Data = 0xF7;

        /// <summary>One forced conversion with ×1 oversampling takes at most ~10 ms.</summary>
        public const int MeasureMilliseconds = 10;
    }
}
