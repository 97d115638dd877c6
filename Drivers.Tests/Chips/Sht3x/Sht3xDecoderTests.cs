using nanoFramework.TestFramework;
using NFUnitTest.Drivers;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Sht3x;

namespace NFUnitTest.Drivers.Chips.Sht3x
{
    /// <summary>SHT3x answers decoded with the datasheet formulas (known answers).</summary>
    [TestClass]
    public class Sht3xDecoderTests
    {
        [TestMethod]
        public void Sht3xDecodesTheDatasheetFormulas()
        {
            // raw T 0x6666 = 26214 -> -45 + 175 * 0.4 = 25.0 °C; raw RH 0x8000 -> 50.0008 %.
            byte[] data = new byte[] { 0x66, 0x66, 0, 0x80, 0x00, 0 };
            data[2] = Crc8.Compute(data, 0, 2);
            data[5] = Crc8.Compute(data, 3, 2);
            Reading[] readings = TestReadings.TemperatureHumidity();
            Assert.AreEqual((int)ReadStatus.Ok, (int)Sht3xDriver.Decode(data, 0, readings));
            Near.Check(25.0, readings[0].Value, 0.001, "temperature");
            Near.Check(50.0008, readings[1].Value, 0.001, "humidity");
        }

        [TestMethod]
        public void Sht3xExtremesMapToTheFormulaEnds()
        {
            byte[] data = new byte[] { 0xFF, 0xFF, 0, 0x00, 0x00, 0 };
            data[2] = Crc8.Compute(data, 0, 2);
            data[5] = Crc8.Compute(data, 3, 2);
            Reading[] readings = TestReadings.TemperatureHumidity();
            Assert.AreEqual((int)ReadStatus.Ok, (int)Sht3xDriver.Decode(data, 0, readings));
            Near.Check(130.0, readings[0].Value, 1e-9, "temperature");
            Near.Check(0.0, readings[1].Value, 1e-9, "humidity");
        }

        [TestMethod]
        public void Sht3xRejectsABadCrcOnEitherWord()
        {
            byte[] data = new byte[] { 0xBE, 0xEF, 0x92, 0xBE, 0xEF, 0x93 };
            Reading[] readings = TestReadings.TemperatureHumidity();
            readings[0].Value = 1.0;
            Assert.AreEqual((int)ReadStatus.CrcMismatch, (int)Sht3xDriver.Decode(data, 0, readings));
            Assert.IsTrue(double.IsNaN(readings[0].Value));
            Assert.IsTrue(double.IsNaN(readings[1].Value));
        }
    }
}
