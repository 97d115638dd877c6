namespace OneNetFirmware.OneNet.Config
{
    /// <summary>One sensor: its driver type, where it is wired, how often it is read and which OneNET identifiers its channels feed.</summary>
    public class SensorConfig
    {
        /// <summary>Driver type, e.g. sht3x, aht20, bme280, bmp280, bh1750, dht11, dht22.</summary>
        public string Type { get; set; }
        /// <summary>I2C bus id (I2C sensors).</summary>
        public int Bus { get; set; } = 1;
        /// <summary>I2C address as written on the datasheet, e.g. "0x44"; empty means the driver's default.</summary>
        public string Address { get; set; }
        /// <summary>Data GPIO (DHT: the RMT receive pin), -1 when unused.</summary>
        public int Pin { get; set; } = -1;
        /// <summary>DHT on ESP32: the GPIO that drives the start pulse (wired to the same data line), -1 when unused.</summary>
        public int TriggerPin { get; set; } = -1;
        public int IntervalSeconds { get; set; } = 60;
        public ChannelConfig[] Channels { get; set; } = new ChannelConfig[0];
    }
}
