using Iot.Device.DHTxx.Esp32;
using OneNetFirmware.Drivers.Sensors;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Drivers.Device
{
    /// <summary>
    /// DHT11/DHT22 on the ESP32 through Iot.Device.DHTxx.Esp32 (RMT; echo and trigger are two GPIOs wired to the same
    /// data line). IsLastReadSuccessful is checked before the values are used, values are range-checked, and reads are
    /// never closer than 2 s (the library's 1 s cache would otherwise hand back the previous frame).
    /// </summary>
    public sealed class DhtDevice : ISensorDriver
    {
        private readonly DhtBase _dht;
        private readonly bool _dht22;
        private readonly IClock _clock;
        private readonly Reading[] _readings;
        private long _lastReadMs = long.MinValue;

        public DhtDevice(string type, int echoPin, int triggerPin, IClock clock)
        {
            Type = type;
            _dht22 = type == SensorCatalog.Dht22;
            _clock = clock;
            _dht = _dht22 ? (DhtBase)new Dht22(echoPin, triggerPin) : new Dht11(echoPin, triggerPin);
            _readings = new Reading[] { new Reading(SensorCatalog.Temperature, "°C"), new Reading(SensorCatalog.Humidity, "%RH") };
        }

        public string Type { get; }

        public int MinIntervalMilliseconds { get { return SensorCatalog.MinIntervalSeconds(Type) * 1000; } }

        public Reading[] Readings { get { return _readings; } }

        public ReadStatus Initialize()
        {
            return Read() == ReadStatus.Ok ? ReadStatus.Ok : SensorStatus.Fail(_readings, ReadStatus.NotFound);
        }

        public ReadStatus Read()
        {
            long now = _clock.NowMilliseconds;
            if (_lastReadMs != long.MinValue && now - _lastReadMs < MinIntervalMilliseconds)
            {
                // Too soon: the library would return its cached frame, which must not pass for a fresh value.
                return SensorStatus.Fail(_readings, ReadStatus.Timeout);
            }
            _lastReadMs = now;
            double temperature = _dht.Temperature.DegreesCelsius;
            if (!_dht.IsLastReadSuccessful) return SensorStatus.Fail(_readings, ReadStatus.CrcMismatch);
            double humidity = _dht.Humidity.Percent;
            if (!_dht.IsLastReadSuccessful) return SensorStatus.Fail(_readings, ReadStatus.CrcMismatch);
            if (!DhtFrame.InRange(_dht22, temperature, humidity)) return SensorStatus.Fail(_readings, ReadStatus.OutOfRange);
            _readings[0].Value = temperature;
            _readings[1].Value = humidity;
            return ReadStatus.Ok;
        }
    }
}
