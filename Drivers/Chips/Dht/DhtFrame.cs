using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Drivers.Chips.Dht
{
    /// <summary>
    /// The DHT11/DHT22 5-byte frame: humidity (2 bytes), temperature (2 bytes), checksum = low byte of the sum of the
    /// first four. DHT22: tenths, temperature sign in bit 15. DHT11: integer byte then tenths byte, sign in bit 7 of byte 3.
    /// </summary>
    public static class DhtFrame
    {
        /// <summary>Decodes into temperature (index 0) and humidity (index 1); CrcMismatch or OutOfRange leave NaN.</summary>
        public static ReadStatus Decode(byte[] frame, int offset, bool dht22, Reading[] readings)
        {
            int sum = (frame[offset] + frame[offset + 1] + frame[offset + 2] + frame[offset + 3]) & 0xFF;
            if (sum != frame[offset + 4]) return SensorStatus.Fail(readings, ReadStatus.CrcMismatch);
            double humidity;
            double temperature;
            if (dht22)
            {
                humidity = ((frame[offset] << 8) | frame[offset + 1]) / 10.0;
                temperature = (((frame[offset + 2] & 0x7F) << 8) | frame[offset + 3]) / 10.0;
                if ((frame[offset + 2] & 0x80) != 0) temperature = -temperature;
            }
            else
            {
                humidity = frame[offset] + frame[offset + 1] / 10.0;
                temperature = frame[offset + 2] + (frame[offset + 3] & 0x7F) / 10.0;
                if ((frame[offset + 3] & 0x80) != 0) temperature = -temperature;
            }
            if (!InRange(dht22, temperature, humidity)) return SensorStatus.Fail(readings, ReadStatus.OutOfRange);
            readings[0].Value = temperature;
            readings[1].Value = humidity;
            return ReadStatus.Ok;
        }

        /// <summary>The datasheet measuring ranges: DHT22 −40..80 °C, 0..100 %; DHT11 −20..60 °C, 5..95 % (0..100 accepted).</summary>
        public static bool InRange(bool dht22, double temperature, double humidity)
        {
            if (humidity < 0.0 || humidity > 100.0) return false;
            return dht22 ? temperature >= -40.0 && temperature <= 80.0 : temperature >= -20.0 && temperature <= 60.0;
        }
    }
}
