using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Device.Drivers;
using OneNetFirmware.Runtime.Ports;
using OneNetFirmware.Runtime.Sampling;

namespace OneNetFirmware.Device.Sensors
{
    /// <summary>The ESP32's sensor hardware for the SensorSampler: routes the configured I2C pins once, then opens devices.</summary>
    public sealed class EspSensorHardware : ISensorHardware
    {
        public EspSensorHardware(I2cBusConfig[] buses)
        {
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

        public IDhtReader OpenDht(string type, int dataPin, int triggerPin)
        {
            // Opens nothing yet: the pins and RMT channel are claimed by the first Initialize, whose failure the
            // sampler counts and retries.
            return new DhtDevice(type, dataPin, triggerPin);
        }
    }
}
