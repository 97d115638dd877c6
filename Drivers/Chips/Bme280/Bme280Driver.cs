using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Drivers.Chips.Bme280
{
    /// <summary>
    /// Bosch BME280 (chip id 0x60) and BMP280 (0x58) at 0x76/0x77: soft reset, calibration read once, then each read
    /// is one forced-mode conversion with oversampling ×1 (at most ~10 ms), status bit 3 = measuring, and the datasheet's
    /// integer compensation. Readings: temperature, pressure, and humidity on the BME280 only.
    /// </summary>
    public sealed class Bme280Driver : ISensorDriver
    {
        /// <summary>The configuration types (their rows in SensorRegistry).</summary>
        public const string Bme280TypeName = "bme280";
        public const string Bmp280TypeName = "bmp280";
        private readonly II2cDevice _device;
        private readonly IClock _clock;
        private readonly bool _humidity;
        private readonly string _type;
        private readonly byte[] _register = new byte[2];
        private readonly byte[] _data = new byte[24];
        private readonly BoschCalibration _calibration = new BoschCalibration();
        private readonly Reading[] _readings;

        /// <param name="type">Bme280TypeName or Bmp280TypeName.</param>
        public Bme280Driver(string type, II2cDevice device, IClock clock)
        {
            _type = type;
            _device = device;
            _clock = clock;
            _humidity = type == Bme280TypeName;
            _readings = _humidity
                ? new Reading[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Pressure, "Pa"), new Reading(Quantity.Humidity, "%RH") }
                : new Reading[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Pressure, "Pa") };
        }

        public string Type { get { return _type; } }

        public int MinIntervalMilliseconds { get { return SensorRegistry.MinIntervalSeconds(_type) * 1000; } }

        public Reading[] Readings { get { return _readings; } }

        /// <summary>SensorRegistry's factory (one driver for both chips).</summary>
        public static ISensorDriver Create(string type, II2cDevice device, IClock clock)
        {
            return new Bme280Driver(type, device, clock);
        }

        public BoschCalibration Calibration { get { return _calibration; } }

        public ReadStatus Initialize()
        {
            I2cStatus status = ReadRegisters(Bme280Registers.ChipId, 1);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, status == I2cStatus.Nack ? ReadStatus.NotFound : ReadStatus.Failed);
            if (_data[0] != (_humidity ? Bme280Registers.ChipIdBme280 : Bme280Registers.ChipIdBmp280)) return SensorStatus.Fail(_readings, ReadStatus.NotFound);
            status = WriteRegister(Bme280Registers.Reset, Bme280Registers.ResetCommand);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _clock.Sleep(3); // start-up time after reset, 2 ms
            status = ReadRegisters(Bme280Registers.CalibrationTemperaturePressure, 24);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _calibration.LoadTemperaturePressure(_data, 0);
            if (_calibration.P1 == 0) return SensorStatus.Fail(_readings, ReadStatus.Failed);
            if (_humidity)
            {
                status = ReadRegisters(Bme280Registers.CalibrationH1, 1);
                if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
                byte h1 = _data[0];
                status = ReadRegisters(Bme280Registers.CalibrationHumidity, 7);
                if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
                _calibration.LoadHumidity(h1, _data, 0);
                // ctrl_hum only takes effect after the next write to ctrl_meas.
                status = WriteRegister(Bme280Registers.ControlHumidity, Bme280Registers.HumidityOversampling1);
                if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            }
            return ReadStatus.Ok;
        }

        public ReadStatus Read()
        {
            // ctrl_meas: osrs_t ×1, osrs_p ×1, forced mode.
            I2cStatus status = WriteRegister(Bme280Registers.ControlMeasurement, Bme280Registers.ForcedOversampling1);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            _clock.Sleep(Bme280Registers.MeasureMilliseconds);
            for (int attempt = 0; ; attempt++)
            {
                status = ReadRegisters(Bme280Registers.Status, 1);
                if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
                if ((_data[0] & Bme280Registers.StatusMeasuring) == 0) break;
                if (attempt == DriverDefaults.BusyRetries) return SensorStatus.Fail(_readings, ReadStatus.Timeout);
                _clock.Sleep(DriverDefaults.Bme280BusyRetryMilliseconds);
            }
            status = ReadRegisters(Bme280Registers.Data, _humidity ? 8 : 6);
            if (status != I2cStatus.Ok) return SensorStatus.Fail(_readings, SensorStatus.FromBus(status));
            return Decode(_data, 0, _calibration, _humidity, _readings);
        }

        /// <summary>Decodes the burst from 0xF7 (press, temp[, hum]) into temperature, pressure[, humidity].</summary>
        public static ReadStatus Decode(byte[] d, int o, BoschCalibration calibration, bool humidity, Reading[] readings)
        {
            int adcP = (d[o] << 12) | (d[o + 1] << 4) | (d[o + 2] >> 4);
            int adcT = (d[o + 3] << 12) | (d[o + 4] << 4) | (d[o + 5] >> 4);
            // 0x80000 is what the chip reports for a skipped or never-run conversion.
            if (adcT == 0x80000 || adcP == 0x80000) return SensorStatus.Fail(readings, ReadStatus.OutOfRange);
            int fine = calibration.FineTemperature(adcT);
            double temperature = BoschCalibration.TemperatureCentiDegrees(fine) / 100.0;
            long pressure = calibration.PressureQ24_8(adcP, fine);
            // Operating range: -40..85 °C, 300..1100 hPa (with margin).
            if (temperature < -40.0 || temperature > 85.0 || pressure < 250L * 100 * 256 || pressure > 1150L * 100 * 256)
            {
                return SensorStatus.Fail(readings, ReadStatus.OutOfRange);
            }
            readings[0].Value = temperature;
            readings[1].Value = pressure / 256.0;
            if (humidity)
            {
                int adcH = (d[o + 6] << 8) | d[o + 7];
                if (adcH == 0x8000) return SensorStatus.Fail(readings, ReadStatus.OutOfRange);
                readings[2].Value = calibration.HumidityQ22_10(adcH, fine) / 1024.0;
            }
            return ReadStatus.Ok;
        }

        private I2cStatus ReadRegisters(byte register, int count)
        {
            _register[0] = register;
            return _device.WriteRead(_register, 0, 1, _data, 0, count);
        }

        private I2cStatus WriteRegister(byte register, byte value)
        {
            _register[0] = register;
            _register[1] = value;
            return _device.Write(_register, 0, 2);
        }
    }
}
