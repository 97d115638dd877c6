using nanoFramework.TestFramework;
using NFUnitTest.Drivers;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Aht20;

namespace NFUnitTest.Drivers.Chips.Aht20
{
    /// <summary>AHT20 answers decoded with the datasheet formulas (known answers).</summary>
    [TestClass]
    public class Aht20DecoderTests
    {
        [TestMethod]
        public void Aht20DecodesTwentyBitFields()
        {
            // RH raw 0x80000 -> 50 %; T raw 0x60000 -> 0.375 * 200 - 50 = 25 °C.
            byte[] data = new byte[] { 0x1C, 0x80, 0x00, 0x06, 0x00, 0x00, 0 };
            data[6] = Crc8.Compute(data, 0, 6);
            Reading[] readings = TestReadings.TemperatureHumidity();
            Assert.AreEqual((int)ReadStatus.Ok, (int)Aht20Driver.Decode(data, 0, readings));
            Near.Check(25.0, readings[0].Value, 1e-9, "temperature");
            Near.Check(50.0, readings[1].Value, 1e-9, "humidity");
        }

        [TestMethod]
        public void Aht20BusyOrBadCrcGivesNoValue()
        {
            byte[] data = new byte[] { 0x9C, 0x80, 0x00, 0x06, 0x00, 0x00, 0 };
            data[6] = Crc8.Compute(data, 0, 6);
            Reading[] readings = TestReadings.TemperatureHumidity();
            Assert.AreEqual((int)ReadStatus.Timeout, (int)Aht20Driver.Decode(data, 0, readings));
            data[0] = 0x1C;
            Assert.AreEqual((int)ReadStatus.CrcMismatch, (int)Aht20Driver.Decode(data, 0, readings));
            Assert.IsTrue(double.IsNaN(readings[0].Value));
        }
    }
}
