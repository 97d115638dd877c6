using OneNetFirmware.Drivers.Chips.Aht20;
using OneNetFirmware.Drivers.Chips.Bh1750;
using OneNetFirmware.Drivers.Chips.Bme280;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Drivers.Chips.Sht3x;

namespace OneNetFirmware.Drivers.Chips
{
    /// <summary>
    /// The one table from a configuration's sensor type to its chip: wiring, quantities, fastest sampling and driver.
    /// Configuration validation and the sampler both read it; a new sensor is its folder under Drivers/Chips and one
    /// row here (docs/sensors.md).
    /// </summary>
    public static class SensorRegistry
    {
        private static readonly string[] TemperatureHumidity = new string[] { Quantity.Temperature, Quantity.Humidity };

        private static readonly SensorType[] Types = new SensorType[]
        {
            //                 type                        addresses (default first)   measures                      min s  driver
            SensorType.OnI2c(Sht3xDriver.TypeName,      new int[] { 0x44, 0x45 }, TemperatureHumidity,                 1, Sht3xDriver.Create),
            // The AHT20 asks for at least 2 s between measurements to avoid self-heating.
            SensorType.OnI2c(Aht20Driver.TypeName,      new int[] { 0x38 },       TemperatureHumidity,                 2, Aht20Driver.Create),
            SensorType.OnI2c(Bme280Driver.Bme280TypeName, new int[] { 0x76, 0x77 },
                new string[] { Quantity.Temperature, Quantity.Humidity, Quantity.Pressure },                            1, Bme280Driver.Create),
            SensorType.OnI2c(Bme280Driver.Bmp280TypeName, new int[] { 0x76, 0x77 },
                new string[] { Quantity.Temperature, Quantity.Pressure },                                               1, Bme280Driver.Create),
            SensorType.OnI2c(Bh1750Driver.TypeName,     new int[] { 0x23, 0x5C }, new string[] { Quantity.Illuminance }, 1, Bh1750Driver.Create),
            // DHTs need 2 s between reads (the DHT22's sensing period).
            SensorType.OnPins(DhtDriver.Dht11TypeName,                            TemperatureHumidity,                 2, DhtDriver.Create),
            SensorType.OnPins(DhtDriver.Dht22TypeName,                            TemperatureHumidity,                 2, DhtDriver.Create),
        };

        /// <summary>How many rows the table has (Row(0) … Row(Count − 1), in table order).</summary>
        public static int Count { get { return Types.Length; } }

        public static SensorType Row(int index)
        {
            return Types[index];
        }

        /// <summary>The row for a configuration type, or null when no chip has that name.</summary>
        public static SensorType Find(string type)
        {
            for (int i = 0; i < Types.Length; i++)
            {
                if (Types[i].Name == type) return Types[i];
            }
            return null;
        }

        /// <summary>Every type, comma separated (for error messages).</summary>
        public static string KnownTypes
        {
            get
            {
                string known = "";
                for (int i = 0; i < Types.Length; i++) known += (i == 0 ? "" : ", ") + Types[i].Name;
                return known;
            }
        }

        public static bool IsKnownType(string type)
        {
            return Find(type) != null;
        }

        public static bool IsI2c(string type)
        {
            SensorType row = Find(type);
            return row != null && row.IsI2c;
        }

        /// <summary>The datasheet's default 7-bit address, or -1 for sensors that are not on I2C.</summary>
        public static int DefaultAddress(string type)
        {
            SensorType row = Find(type);
            return row == null || row.Addresses.Length == 0 ? -1 : row.Addresses[0];
        }

        /// <summary>True when the chip can be strapped to this 7-bit address.</summary>
        public static bool IsValidAddress(string type, int address)
        {
            SensorType row = Find(type);
            for (int i = 0; row != null && i < row.Addresses.Length; i++)
            {
                if (row.Addresses[i] == address) return true;
            }
            return false;
        }

        /// <summary>The quantities a type measures, comma separated (for messages).</summary>
        public static string QuantitiesOf(string type)
        {
            SensorType row = Find(type);
            string list = "";
            for (int i = 0; row != null && i < row.Quantities.Length; i++) list += (i == 0 ? "" : ", ") + row.Quantities[i];
            return list;
        }

        public static bool Measures(string type, string quantity)
        {
            SensorType row = Find(type);
            for (int i = 0; row != null && i < row.Quantities.Length; i++)
            {
                if (row.Quantities[i] == quantity) return true;
            }
            return false;
        }

        /// <summary>The fastest the datasheet allows this sensor to be sampled, in seconds (1 for an unknown type).</summary>
        public static int MinIntervalSeconds(string type)
        {
            SensorType row = Find(type);
            return row == null ? 1 : row.MinIntervalSeconds;
        }
    }
}
