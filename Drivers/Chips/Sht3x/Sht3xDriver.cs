using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Drivers.Chips.Sht3x
{
    /// <summary>
    /// Sensirion SHT3x (0x44/0x45): single shot, high repeatability, no clock stretching (0x2400), 15.5 ms worst case;
    /// 6 bytes back, CRC-8 over each 16-bit word. T = -45 + 175·raw/65535 °C, RH = 100·raw/65535 %.
    /// </summary>
    public sealed class Sht3xDriver : ISensorDriver
    {
        /// <summary>The configuration type (its row in SensorRegistry).</summary>
        public const string TypeName = "sht3x";
        private readonly II2cDevice _device;
        private readonly IClock _clock;
        private readonly byte[] _command = new byte[2];
        private readonly byte[] _data = new byte[6];
        private readonly Reading[] _readings;

        public Sht3xDriver(II2cDevice device, IClock clock)
        {
            _device = device;
            _clock = clock;
            _readings = new Reading[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Humidity, "%RH") };
        }

        public string Type { get { return TypeName; } }

        public int MinIntervalMilliseconds { get { return SensorRegistry.MinIntervalSeconds(TypeName) * 1000; } }

        public Reading[] Readings { get { return _readings; } }

        /// <summary>SensorRegistry's factory.</summary>
        public static ISensorDriver Create(string type, II2cDevice device, IClock clock)
        {
            return new Sht3xDriver(device, clock);
        }

        public ReadStatus Initialize()
        {
            // Soft reset 0x30A2; a chip that does not acknowledge it is not there.
            _command[0] = Sht3xCommands.SoftResetMsb;
            _command[1] = Sht3xCommands.SoftResetLsb;
            I2cStatus status = _device.Write(_command, 0, 2);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, status == I2cStatus.Nack ? ReadStatus.NotFound : ReadStatus.Failed);
            _clock.Sleep(2);
            return ReadStatus.Ok;
        }

        public ReadStatus Read()
        {
            _command[0] = Sht3xCommands.SingleShotHighNoStretchMsb;
            _command[1] = Sht3xCommands.SingleShotHighNoStretchLsb;
            I2cStatus status = _device.Write(_command, 0, 2);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _clock.Sleep(Sht3xCommands.MeasureMilliseconds);
            status = _device.Read(_data, 0, 6);
            // Without clock stretching the chip NACKs its read header while still measuring.
            if (status == I2cStatus.Nack) return SensorStatus.Fail(_readings, ReadStatus.Timeout);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, ReadStatus.Failed);
            return Decode(_data, 0, _readings);
        }

        /// <summary>Decodes the 6-byte answer into temperature (index 0) and humidity (index 1).</summary>
        public static ReadStatus Decode(byte[] data, int offset, Reading[] readings)
        {
            if (Crc8.Compute(data, offset, 2) != data[offset + 2] || Crc8.Compute(data, offset + 3, 2) != data[offset + 5])
            {
                return SensorStatus.Fail(readings, ReadStatus.CrcMismatch);
            }
            int rawT = (data[offset] << 8) | data[offset + 1];
            int rawH = (data[offset + 3] << 8) | data[offset + 4];
            readings[0].Value = -45.0 + 175.0 * rawT / 65535.0;
            readings[1].Value = 100.0 * rawH / 65535.0;
            return ReadStatus.Ok;
        }
    }
}
