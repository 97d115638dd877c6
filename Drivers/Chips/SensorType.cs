using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips.Dht;

namespace OneNetFirmware.Drivers.Chips
{
    /// <summary>Makes the driver of an I2C chip on an opened device (type is the configured name, e.g. "bmp280").</summary>
    public delegate ISensorDriver I2cDriverFactory(string type, II2cDevice device, IClock clock);

    /// <summary>Makes the driver of a sensor read through its own pins (the DHT family).</summary>
    public delegate ISensorDriver PinDriverFactory(string type, IDhtReader reader, IClock clock);

    /// <summary>
    /// One row of the SensorRegistry: a configuration type name, how the chip is wired (I2C addresses, or pins), what
    /// it measures, the fastest the datasheet lets it be read, and the factory of its driver.
    /// </summary>
    public sealed class SensorType
    {
        private readonly I2cDriverFactory _i2c;
        private readonly PinDriverFactory _pins;

        private SensorType(string name, int[] addresses, string[] quantities, int minIntervalSeconds, I2cDriverFactory i2c, PinDriverFactory pins)
        {
            Name = name;
            Addresses = addresses;
            Quantities = quantities;
            MinIntervalSeconds = minIntervalSeconds;
            _i2c = i2c;
            _pins = pins;
        }

        /// <param name="addresses">The 7-bit addresses the chip can be strapped to; the first is the default.</param>
        public static SensorType OnI2c(string name, int[] addresses, string[] quantities, int minIntervalSeconds, I2cDriverFactory create)
        {
            return new SensorType(name, addresses, quantities, minIntervalSeconds, create, null);
        }

        public static SensorType OnPins(string name, string[] quantities, int minIntervalSeconds, PinDriverFactory create)
        {
            return new SensorType(name, new int[0], quantities, minIntervalSeconds, null, create);
        }

        /// <summary>The configuration's "type", e.g. "sht3x".</summary>
        public string Name { get; }

        public bool IsI2c { get { return _i2c != null; } }

        /// <summary>I2C only: every address the chip can have, the default first (empty for pin sensors).</summary>
        public int[] Addresses { get; }

        /// <summary>Quantity names, in the order error messages list them.</summary>
        public string[] Quantities { get; }

        public int MinIntervalSeconds { get; }

        public ISensorDriver CreateOnI2c(II2cDevice device, IClock clock)
        {
            return _i2c(Name, device, clock);
        }

        public ISensorDriver CreateOnPins(IDhtReader reader, IClock clock)
        {
            return _pins(Name, reader, clock);
        }
    }
}
