using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Drivers.Chips.Bh1750
{
    /// <summary>
    /// ROHM BH1750 (0x23/0x5C): power on (0x01), one-time high-resolution mode (0x20, at most 180 ms), two bytes back;
    /// lux = raw / 1.2. The chip powers down by itself after a one-time measurement.
    /// </summary>
    public sealed class Bh1750Driver : ISensorDriver
    {
        /// <summary>The configuration type (its row in SensorRegistry).</summary>
        public const string TypeName = "bh1750";
        private readonly II2cDevice _device;
        private readonly IClock _clock;
        private readonly byte[] _command = new byte[1];
        private readonly byte[] _data = new byte[2];
        private readonly Reading[] _readings;

        public Bh1750Driver(II2cDevice device, IClock clock)
        {
            _device = device;
            _clock = clock;
            _readings = new Reading[] { new Reading(Quantity.Illuminance, "lx") };
        }

        public string Type { get { return TypeName; } }

        public int MinIntervalMilliseconds { get { return SensorRegistry.MinIntervalSeconds(TypeName) * 1000; } }

        public Reading[] Readings { get { return _readings; } }

        /// <summary>SensorRegistry's factory.</summary>
        public static ISensorDriver Create(string type, II2cDevice device, IClock clock)
        {
            return new Bh1750Driver(device, clock);
        }

        public ReadStatus Initialize()
        {
            I2cStatus status = Command(Bh1750Commands.PowerOn);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, status == I2cStatus.Nack ? ReadStatus.NotFound : ReadStatus.Failed);
            return ReadStatus.Ok;
        }

        public ReadStatus Read()
        {
            I2cStatus status = Command(Bh1750Commands.PowerOn);
            if (status == I2cStatus.Ok) status = Command(Bh1750Commands.OneTimeHighResolution);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _clock.Sleep(Bh1750Commands.MeasureMilliseconds);
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
