using OneNetFirmware.Drivers.Bus;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Drivers.Sensors
{
    /// <summary>
    /// ROHM BH1750 (0x23/0x5C): power on (0x01), one-time high-resolution mode (0x20, at most 180 ms), two bytes back;
    /// lux = raw / 1.2. The chip powers down by itself after a one-time measurement.
    /// </summary>
    public sealed class Bh1750Driver : ISensorDriver
    {
        private const int MeasureMilliseconds = 180;
        private readonly II2cDevice _device;
        private readonly IClock _clock;
        private readonly byte[] _command = new byte[1];
        private readonly byte[] _data = new byte[2];
        private readonly Reading[] _readings;

        public Bh1750Driver(II2cDevice device, IClock clock)
        {
            _device = device;
            _clock = clock;
            _readings = new Reading[] { new Reading(SensorCatalog.Illuminance, "lx") };
        }

        public string Type { get { return SensorCatalog.Bh1750; } }

        public int MinIntervalMilliseconds { get { return SensorCatalog.MinIntervalSeconds(SensorCatalog.Bh1750) * 1000; } }

        public Reading[] Readings { get { return _readings; } }

        public ReadStatus Initialize()
        {
            I2cStatus status = Command(0x01);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, status == I2cStatus.Nack ? ReadStatus.NotFound : ReadStatus.Failed);
            return ReadStatus.Ok;
        }

        public ReadStatus Read()
        {
            I2cStatus status = Command(0x01);
            if (status == I2cStatus.Ok) status = Command(0x20);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _clock.Sleep(MeasureMilliseconds);
            status = _device.Read(_data, 0, 2);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _readings[0].Value = Decode(_data, 0);
            return ReadStatus.Ok;
        }

        /// <summary>Lux from the two result bytes in high-resolution mode.</summary>
        public static double Decode(byte[] data, int offset)
        {
            return ((data[offset] << 8) | data[offset + 1]) / 1.2;
        }

        private I2cStatus Command(byte opcode)
        {
            _command[0] = opcode;
            return _device.Write(_command, 0, 1);
        }
    }
}
