using Iot.Device.DHTxx.Esp32;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Dht;
using UnitsNet;

namespace OneNetFirmware.Device.Drivers
{
    /// <summary>
    /// DHT11/DHT22 on the ESP32 through Iot.Device.DHTxx.Esp32 (RMT; echo and trigger are two GPIOs wired to the same
    /// data line). A thin call into the library; the portable DhtDriver paces and range-checks. After a failed read the
    /// library returns default values whose conversion throws, so IsLastReadSuccessful is checked before a value is
    /// touched (docs/device-runtime.md "DHT"). The library object is made on the first Open, not in the constructor, so
    /// a failure there is a failed read that the sampler retries; it is never disposed (that would close every pin).
    /// </summary>
    public sealed class DhtDevice : IDhtReader
    {
        private readonly bool _dht22;
        private readonly int _echoPin;
        private readonly int _triggerPin;
        private DhtBase _dht;

        public DhtDevice(string type, int echoPin, int triggerPin)
        {
            _dht22 = type == DhtDriver.Dht22TypeName;
            _echoPin = echoPin;
            _triggerPin = triggerPin;
        }

        public void Open()
        {
            if (_dht != null) return;
            _dht = _dht22 ? (DhtBase)new Dht22(_echoPin, _triggerPin) : new Dht11(_echoPin, _triggerPin);
        }

        public ReadStatus Measure(Reading[] readings)
        {
            Temperature temperature = _dht.Temperature; // one read of the sensor
            if (!_dht.IsLastReadSuccessful) return SensorStatus.Fail(readings, ReadStatus.CrcMismatch);
            RelativeHumidity humidity = _dht.Humidity; // the same frame, from the library's 1 s cache
            if (!_dht.IsLastReadSuccessful) return SensorStatus.Fail(readings, ReadStatus.CrcMismatch);
            readings[0].Value = temperature.DegreesCelsius;
            readings[1].Value = humidity.Percent;
            return ReadStatus.Ok;
        }
    }
}
