namespace OneNetFirmware.Drivers.Chips.Bme280
{
    /// <summary>
    /// BME280/BMP280 trimming parameters and the datasheet's integer compensation (BMP280 §3.11.3 / BME280 §4.2.3):
    /// 32-bit temperature, 64-bit pressure, 32-bit humidity. Fields are public so tests can load the datasheet example.
    /// </summary>
    public sealed class BoschCalibration
    {
        public int T1, T2, T3;
        public int P1, P2, P3, P4, P5, P6, P7, P8, P9;
        public int H1, H2, H3, H4, H5, H6;

        /// <summary>Loads dig_T1..dig_P9 from the 24 bytes read at 0x88..0x9F (little endian).</summary>
        public void LoadTemperaturePressure(byte[] b, int o)
        {
            T1 = U16(b, o); T2 = S16(b, o + 2); T3 = S16(b, o + 4);
            P1 = U16(b, o + 6); P2 = S16(b, o + 8); P3 = S16(b, o + 10); P4 = S16(b, o + 12); P5 = S16(b, o + 14);
            P6 = S16(b, o + 16); P7 = S16(b, o + 18); P8 = S16(b, o + 20); P9 = S16(b, o + 22);
        }

        /// <summary>Loads dig_H1 (register 0xA1) and dig_H2..dig_H6 from the 7 bytes read at 0xE1..0xE7.</summary>
        public void LoadHumidity(byte h1, byte[] b, int o)
        {
            H1 = h1;
            H2 = S16(b, o);
            H3 = b[o + 2];
            H4 = ((sbyte)b[o + 3] << 4) | (b[o + 4] & 0x0F);
            H5 = ((sbyte)b[o + 5] << 4) | (b[o + 4] >> 4);
            H6 = (sbyte)b[o + 6];
        }

        /// <summary>t_fine, the fine temperature every other compensation needs.</summary>
        public int FineTemperature(int adcT)
        {
            int var1 = (((adcT >> 3) - (T1 << 1)) * T2) >> 11;
            int d = (adcT >> 4) - T1;
            int var2 = (((d * d) >> 12) * T3) >> 14;
            return var1 + var2;
        }

        /// <summary>Temperature in 0.01 °C.</summary>
        public static int TemperatureCentiDegrees(int fineTemperature)
        {
            return (fineTemperature * 5 + 128) >> 8;
        }

        /// <summary>Pressure in Pa as Q24.8 (divide by 256), or 0 when the calibration would divide by zero.</summary>
        public long PressureQ24_8(int adcP, int fineTemperature)
        {
            long var1 = (long)fineTemperature - 128000;
            long var2 = var1 * var1 * P6;
            var2 = var2 + ((var1 * P5) << 17);
            var2 = var2 + ((long)P4 << 35);
            var1 = ((var1 * var1 * P3) >> 8) + ((var1 * P2) << 12);
            var1 = ((((long)1 << 47) + var1) * P1) >> 33;
            if (var1 == 0) return 0;
            long p = 1048576 - adcP;
            p = (((p << 31) - var2) * 3125) / var1;
            var1 = (P9 * (p >> 13) * (p >> 13)) >> 25;
            var2 = (P8 * p) >> 19;
            return ((p + var1 + var2) >> 8) + ((long)P7 << 4);
        }

        /// <summary>Relative humidity as Q22.10 %RH (divide by 1024), clamped to 0..100 % by the formula.</summary>
        public int HumidityQ22_10(int adcH, int fineTemperature)
        {
            int v = fineTemperature - 76800;
            v = (((adcH << 14) - (H4 << 20) - (H5 * v)) + 16384) >> 15;
            int w = v;
            v = fineTemperature - 76800;
            int x = ((((((v * H6) >> 10) * (((v * H3) >> 11) + 32768)) >> 10) + 2097152) * H2 + 8192) >> 14;
            v = w * x;
            v = v - (((((v >> 15) * (v >> 15)) >> 7) * H1) >> 4);
            if (v < 0) v = 0;
            if (v > 419430400) v = 419430400;
            return v >> 12;
        }

        private static int U16(byte[] b, int o)
        {
            return b[o] | (b[o + 1] << 8);
        }

        private static int S16(byte[] b, int o)
        {
            return (short)(b[o] | (b[o + 1] << 8));
        }
    }
}
