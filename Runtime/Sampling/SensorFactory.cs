using OneNetFirmware.Config;
using OneNetFirmware.Drivers;
using OneNetFirmware.Drivers.Bus;
using OneNetFirmware.Drivers.Sensors;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Sensors
{
    /// <summary>Builds the driver a validated SensorConfig describes (the address defaults to the datasheet's).</summary>
    public static class SensorFactory
    {
        /// <summary>The driver, or null for an unknown type or hardware that could not be opened.</summary>
        public static ISensorDriver Create(SensorConfig config, ISensorHardware hardware, IClock clock)
        {
            string type = config.Type;
            if (SensorCatalog.IsDht(type))
            {
                IDhtReader dht = hardware.OpenDht(type, config.Pin, config.TriggerPin);
                return dht == null ? null : new DhtDriver(type, dht, clock);
            }
            if (!SensorCatalog.IsI2c(type)) return null;
            int address = config.Address != null && config.Address.Length > 0 ? TextRules.ParseI2cAddress(config.Address) : SensorCatalog.DefaultAddress(type);
            II2cDevice device = hardware.OpenI2c(config.Bus, address);
            if (device == null) return null;
            if (type == SensorCatalog.Sht3x) return new Sht3xDriver(device, clock);
            if (type == SensorCatalog.Aht20) return new Aht20Driver(device, clock);
            if (type == SensorCatalog.Bh1750) return new Bh1750Driver(device, clock);
            return new Bme280Driver(type, device, clock);
        }
    }
}
