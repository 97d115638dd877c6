using OneNetFirmware.Config;
using OneNetFirmware.Drivers.Bus;
using OneNetFirmware.Drivers.Device;
using OneNetFirmware.Drivers.Sensors;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Sensors
{
    /// <summary>The ESP32's sensor hardware for SensorSampler: routes the configured I2C pins once, then opens devices.</summary>
    public sealed class EspSensorHardware : ISensorHardware
    {
        private readonly IClock _clock;

        public EspSensorHardware(I2cBusConfig[] buses, IClock clock)
        {
            _clock = clock;
            if (buses == null) return;
            for (int i = 0; i < buses.Length; i++)
            {
                EspI2cDevice.ConfigureBus(buses[i].Bus, buses[i].SdaPin, buses[i].SclPin);
            }
        }

        public II2cDevice OpenI2c(int bus, int address)
        {
            try
            {
                return new EspI2cDevice(bus, address);
            }
            catch (System.Exception)
            {
                return null; // bus not available: the sampler counts the sensor as missing instead of crashing
            }
        }

        public ISensorDriver OpenDht(string type, int dataPin, int triggerPin)
        {
            try
            {
                return new DhtDevice(type, dataPin, triggerPin, _clock);
            }
            catch (System.Exception)
            {
                return null; // pins or RMT channel unavailable: counted as missing, not a crash
            }
        }
    }
}
