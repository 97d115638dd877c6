namespace OneNetFirmware.Drivers
{
    /// <summary>
    /// What each supported sensor type is: its bus, addresses, measured quantities and fastest sampling.
    /// One table that configuration validation and the driver factory both read.
    /// </summary>
    public static class SensorCatalog
    {
        public const string Sht3x = "sht3x";
        public const string Aht20 = "aht20";
        public const string Bme280 = "bme280";
        public const string Bmp280 = "bmp280";
        public const string Bh1750 = "bh1750";
        public const string Dht11 = "dht11";
        public const string Dht22 = "dht22";

        public const string Temperature = "temperature";
        public const string Humidity = "humidity";
        public const string Pressure = "pressure";
        public const string Illuminance = "illuminance";

        /// <summary>Every type, for error messages.</summary>
        public const string KnownTypes = "sht3x, aht20, bme280, bmp280, bh1750, dht11, dht22";

        public static bool IsKnownType(string type)
        {
            return IsI2c(type) || IsDht(type);
        }

        public static bool IsI2c(string type)
        {
            return type == Sht3x || type == Aht20 || type == Bme280 || type == Bmp280 || type == Bh1750;
        }

        public static bool IsDht(string type)
        {
            return type == Dht11 || type == Dht22;
        }

        /// <summary>The datasheet's default 7-bit address, or -1 for sensors that are not on I2C.</summary>
        public static int DefaultAddress(string type)
        {
            if (type == Sht3x) return 0x44;
            if (type == Aht20) return 0x38;
            if (type == Bme280 || type == Bmp280) return 0x76;
            if (type == Bh1750) return 0x23;
            return -1;
        }

        /// <summary>True when the chip can be strapped to this 7-bit address.</summary>
        public static bool IsValidAddress(string type, int address)
        {
            if (type == Sht3x) return address == 0x44 || address == 0x45;
            if (type == Aht20) return address == 0x38;
            if (type == Bme280 || type == Bmp280) return address == 0x76 || address == 0x77;
            if (type == Bh1750) return address == 0x23 || address == 0x5C;
            return false;
        }

        /// <summary>The quantities a type measures, comma separated (for messages).</summary>
        public static string QuantitiesOf(string type)
        {
            if (type == Sht3x || type == Aht20 || type == Dht11 || type == Dht22) return "temperature, humidity";
            if (type == Bme280) return "temperature, humidity, pressure";
            if (type == Bmp280) return "temperature, pressure";
            if (type == Bh1750) return "illuminance";
            return "";
        }

        public static bool Measures(string type, string quantity)
        {
            if (quantity == Temperature) return type == Sht3x || type == Aht20 || type == Bme280 || type == Bmp280 || type == Dht11 || type == Dht22;
            if (quantity == Humidity) return type == Sht3x || type == Aht20 || type == Bme280 || type == Dht11 || type == Dht22;
            if (quantity == Pressure) return type == Bme280 || type == Bmp280;
            if (quantity == Illuminance) return type == Bh1750;
            return false;
        }

        /// <summary>The fastest the datasheet allows this sensor to be sampled, in seconds.</summary>
        public static int MinIntervalSeconds(string type)
        {
            // DHT sensors need 2 s between reads (DHT22 sensing period); AHT20 asks for >= 2 s to avoid self-heating.
            if (type == Dht11 || type == Dht22 || type == Aht20) return 2;
            return 1;
        }
    }
}
