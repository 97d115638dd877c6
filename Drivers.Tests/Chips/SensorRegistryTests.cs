using OneNetFirmware.Drivers.Chips;
using nanoFramework.TestFramework;

namespace NFUnitTest.Drivers.Chips
{
    /// <summary>
    /// Every SensorRegistry row agrees with the driver it builds: the validator accepts a channel by the row's
    /// quantities, the sampler binds it by the driver's Readings, so a mismatch would silently drop a channel.
    /// </summary>
    [TestClass]
    public class SensorRegistryTests
    {
        private static ISensorDriver Build(SensorType row)
        {
            // Constructors only keep the device; nothing is read.
            return row.IsI2c ? row.CreateOnI2c(null, null) : row.CreateOnPins(null, null);
        }

        [TestMethod]
        public void EveryRowBuildsADriverOfItsTypeAndMinimum()
        {
            Assert.AreEqual(7, SensorRegistry.Count);
            for (int i = 0; i < SensorRegistry.Count; i++)
            {
                SensorType row = SensorRegistry.Row(i);
                ISensorDriver driver = Build(row);
                Assert.AreEqual(row.Name, driver.Type);
                Assert.AreEqual(row.MinIntervalSeconds * 1000, driver.MinIntervalMilliseconds, row.Name);
                Assert.AreSame(row, SensorRegistry.Find(row.Name));
            }
        }

        [TestMethod]
        public void EveryRowMeasuresExactlyWhatItsDriverReads()
        {
            for (int i = 0; i < SensorRegistry.Count; i++)
            {
                SensorType row = SensorRegistry.Row(i);
                Reading[] readings = Build(row).Readings;
                Assert.AreEqual(row.Quantities.Length, readings.Length, row.Name);
                for (int r = 0; r < readings.Length; r++)
                {
                    Assert.IsTrue(SensorRegistry.Measures(row.Name, readings[r].Quantity), row.Name + " " + readings[r].Quantity);
                }
            }
        }

        [TestMethod]
        public void AddressesFollowTheTable()
        {
            Assert.AreEqual(0x44, SensorRegistry.DefaultAddress("sht3x"));
            Assert.IsTrue(SensorRegistry.IsValidAddress("sht3x", 0x45));
            Assert.IsFalse(SensorRegistry.IsValidAddress("sht3x", 0x46));
            Assert.AreEqual(0x76, SensorRegistry.DefaultAddress("bmp280"));
            Assert.AreEqual(-1, SensorRegistry.DefaultAddress("dht22"));
            Assert.IsFalse(SensorRegistry.IsI2c("dht22"));
            Assert.IsFalse(SensorRegistry.IsKnownType("ds18b20"));
            Assert.AreEqual(1, SensorRegistry.MinIntervalSeconds("ds18b20"));
        }

        [TestMethod]
        public void MessagesListTypesAndQuantitiesInTableOrder()
        {
            Assert.AreEqual("sht3x, aht20, bme280, bmp280, bh1750, dht11, dht22", SensorRegistry.KnownTypes);
            Assert.AreEqual("temperature, humidity, pressure", SensorRegistry.QuantitiesOf("bme280"));
            Assert.AreEqual("", SensorRegistry.QuantitiesOf("ds18b20"));
        }
    }
}
