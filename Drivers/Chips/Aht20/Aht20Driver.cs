using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Drivers.Chips.Aht20
{
    /// <summary>
    /// Aosong AHT20 (0x38): status bit 3 = calibrated (else send 0xBE 0x08 0x00), trigger 0xAC 0x33 0x00, wait 80 ms,
    /// status bit 7 = busy; 7 bytes back (status, 20-bit humidity, 20-bit temperature, CRC-8 0x31 over the first six).
    /// RH = raw/2^20·100 %, T = raw/2^20·200 − 50 °C.
    /// </summary>
    public sealed class Aht20Driver : ISensorDriver
    {
        /// <summary>The configuration type (its row in SensorRegistry).</summary>
        public const string TypeName = "aht20";
        private readonly II2cDevice _device;
        private readonly IClock _clock;
        private readonly byte[] _command = new byte[3];
        private readonly byte[] _data = new byte[7];
        private readonly Reading[] _readings;

        public Aht20Driver(II2cDevice device, IClock clock)
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
            return new Aht20Driver(device, clock);
        }

        public ReadStatus Initialize()
        {
            _clock.Sleep(40); // power-on time before the first command
            I2cStatus status = _device.Read(_data, 0, 1);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, status == I2cStatus.Nack ? ReadStatus.NotFound : ReadStatus.Failed);
            if ((_data[0] & Aht20Commands.StatusCalibrated) != 0) return ReadStatus.Ok;
            _command[0] = Aht20Commands.Initialize;
            _command[1] = Aht20Commands.InitializeArg0;
            _command[2] = Aht20Commands.InitializeArg1;
            status = _device.Write(_command, 0, 3);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _clock.Sleep(10);
            status = _device.Read(_data, 0, 1);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            return (_data[0] & Aht20Commands.StatusCalibrated) != 0 ? ReadStatus.Ok : SensorStatus.Fail(_readings, ReadStatus.Failed);
        }

        public ReadStatus Read()
        {
            _command[0] = Aht20Commands.Trigger;
            _command[1] = Aht20Commands.TriggerArg0;
            _command[2] = Aht20Commands.TriggerArg1;
            I2cStatus status = _device.Write(_command, 0, 3);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _clock.Sleep(Aht20Commands.MeasureMilliseconds);
            for (int attempt = 0; ; attempt++)
            {
                status = _device.Read(_data, 0, 7);
                if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
                if ((_data[0] & Aht20Commands.StatusBusy) == 0) break;
                if (attempt == DriverDefaults.BusyRetries) return SensorStatus.Fail(_readings, ReadStatus.Timeout);
                _clock.Sleep(DriverDefaults.Aht20BusyRetryMilliseconds);
            }
            return Decode(_data, 0, _readings);
        }

        /// <summary>Decodes the 7-byte answer (status first) into temperature (index 0) and humidity (index 1).</summary>
        public static ReadStatus Decode(byte[] data, int offset, Reading[] readings)
        {
            if ((data[offset] & Aht20Commands.StatusBusy) != 0) return SensorStatus.Fail(readings, ReadStatus.Timeout);
            if (Crc8.Compute(data, offset, 6) != data[offset + 6]) return SensorStatus.Fail(readings, ReadStatus.CrcMismatch);
            int rawH = (data[offset + 1] << 12) | (data[offset + 2] << 4) | (data[offset + 3] >> 4);
            int rawT = ((data[offset + 3] & 0x0F) << 16) | (data[offset + 4] << 8) | data[offset + 5];
            readings[0].Value = rawT / 1048576.0 * 200.0 - 50.0;
            readings[1].Value = rawH / 1048576.0 * 100.0;
            return ReadStatus.Ok;
        }
    }
}
