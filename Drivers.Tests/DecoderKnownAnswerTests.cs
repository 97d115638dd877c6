using OneNetFirmware.Drivers.Chips.Aht20;
using OneNetFirmware.Drivers.Chips.Bh1750;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Drivers.Chips.Sht3x;
using OneNetFirmware.Drivers.Chips;
using nanoFramework.TestFramework;

namespace NFUnitTest.Drivers
{
    /// <summary>Known answers from the datasheets: CRC examples, conversion formulas, Bosch integer compensation.</summary>
    [TestClass]
    public class DecoderKnownAnswerTests
    {
        private static Reading[] TwoReadings()
        {
            return new Reading[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Humidity, "%RH") };
        }

        [TestMethod]
        public void Crc8MatchesSensirionExample()
        {
            // SHT3x datasheet §4.12: CRC(0xBEEF) = 0x92.
            Assert.AreEqual((byte)0x92, Crc8.Compute(new byte[] { 0xBE, 0xEF }, 0, 2));
        }

        [TestMethod]
        public void Crc8OfNothingIsTheInitialValue()
        {
            Assert.AreEqual((byte)0xFF, Crc8.Compute(new byte[] { 0xBE }, 0, 0));
        }

        [TestMethod]
        public void Sht3xDecodesTheDatasheetFormulas()
        {
            // raw T 0x6666 = 26214 -> -45 + 175 * 0.4 = 25.0 °C; raw RH 0x8000 -> 50.0008 %.
            byte[] data = new byte[] { 0x66, 0x66, 0, 0x80, 0x00, 0 };
            data[2] = Crc8.Compute(data, 0, 2);
            data[5] = Crc8.Compute(data, 3, 2);
            Reading[] readings = TwoReadings();
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
            Reading[] readings = TwoReadings();
            Assert.AreEqual((int)ReadStatus.Ok, (int)Sht3xDriver.Decode(data, 0, readings));
            Near.Check(130.0, readings[0].Value, 1e-9, "temperature");
            Near.Check(0.0, readings[1].Value, 1e-9, "humidity");
        }

        [TestMethod]
        public void Sht3xRejectsABadCrcOnEitherWord()
        {
            byte[] data = new byte[] { 0xBE, 0xEF, 0x92, 0xBE, 0xEF, 0x93 };
            Reading[] readings = TwoReadings();
            readings[0].Value = 1.0;
            Assert.AreEqual((int)ReadStatus.CrcMismatch, (int)Sht3xDriver.Decode(data, 0, readings));
            Assert.IsTrue(double.IsNaN(readings[0].Value));
            Assert.IsTrue(double.IsNaN(readings[1].Value));
        }

        [TestMethod]
        public void Aht20DecodesTwentyBitFields()
        {
            // RH raw 0x80000 -> 50 %; T raw 0x60000 -> 0.375 * 200 - 50 = 25 °C.
            byte[] data = new byte[] { 0x1C, 0x80, 0x00, 0x06, 0x00, 0x00, 0 };
            data[6] = Crc8.Compute(data, 0, 6);
            Reading[] readings = TwoReadings();
            Assert.AreEqual((int)ReadStatus.Ok, (int)Aht20Driver.Decode(data, 0, readings));
            Near.Check(25.0, readings[0].Value, 1e-9, "temperature");
            Near.Check(50.0, readings[1].Value, 1e-9, "humidity");
        }

        [TestMethod]
        public void Aht20BusyOrBadCrcGivesNoValue()
        {
            byte[] data = new byte[] { 0x9C, 0x80, 0x00, 0x06, 0x00, 0x00, 0 };
            data[6] = Crc8.Compute(data, 0, 6);
            Reading[] readings = TwoReadings();
            Assert.AreEqual((int)ReadStatus.Timeout, (int)Aht20Driver.Decode(data, 0, readings));
            data[0] = 0x1C;
            Assert.AreEqual((int)ReadStatus.CrcMismatch, (int)Aht20Driver.Decode(data, 0, readings));
            Assert.IsTrue(double.IsNaN(readings[0].Value));
        }

        [TestMethod]
        public void Bh1750DividesByOnePointTwo()
        {
            Near.Check(250.0, Bh1750Driver.Decode(new byte[] { 0x01, 0x2C }, 0), 1e-9, "lux");
            Near.Check(54612.5, Bh1750Driver.Decode(new byte[] { 0xFF, 0xFF }, 0), 1e-9, "lux");
        }

        [TestMethod]
        public void Dht22DecodesTheDatasheetExample()
        {
            // AM2302 datasheet: 0x028C = 65.2 %RH, 0x015F = 35.1 °C, checksum 0xEE.
            Reading[] readings = TwoReadings();
            Assert.AreEqual((int)ReadStatus.Ok, (int)DhtFrame.Decode(new byte[] { 0x02, 0x8C, 0x01, 0x5F, 0xEE }, 0, true, readings));
            Near.Check(35.1, readings[0].Value, 1e-9, "temperature");
            Near.Check(65.2, readings[1].Value, 1e-9, "humidity");
        }

        [TestMethod]
        public void Dht22SignBitMakesTemperatureNegative()
        {
            // 0x8065 = -10.1 °C.
            Reading[] readings = TwoReadings();
            byte[] frame = new byte[] { 0x02, 0x8C, 0x80, 0x65, 0 };
            frame[4] = (byte)((frame[0] + frame[1] + frame[2] + frame[3]) & 0xFF);
            Assert.AreEqual((int)ReadStatus.Ok, (int)DhtFrame.Decode(frame, 0, true, readings));
            Near.Check(-10.1, readings[0].Value, 1e-9, "temperature");
        }

        [TestMethod]
        public void Dht11UsesIntegerAndTenthBytes()
        {
            Reading[] readings = TwoReadings();
            Assert.AreEqual((int)ReadStatus.Ok, (int)DhtFrame.Decode(new byte[] { 0x35, 0x00, 0x18, 0x03, 0x50 }, 0, false, readings));
            Near.Check(24.3, readings[0].Value, 1e-9, "temperature");
            Near.Check(53.0, readings[1].Value, 1e-9, "humidity");
        }

        [TestMethod]
        public void DhtChecksumAndRangeFailuresGiveNoValue()
        {
            Reading[] readings = TwoReadings();
            Assert.AreEqual((int)ReadStatus.CrcMismatch, (int)DhtFrame.Decode(new byte[] { 0x02, 0x8C, 0x01, 0x5F, 0xEF }, 0, true, readings));
            Assert.IsTrue(double.IsNaN(readings[0].Value));
            // 120.0 %RH passes the checksum but is impossible.
            byte[] frame = new byte[] { 0x04, 0xB0, 0x01, 0x5F, 0 };
            frame[4] = (byte)((frame[0] + frame[1] + frame[2] + frame[3]) & 0xFF);
            Assert.AreEqual((int)ReadStatus.OutOfRange, (int)DhtFrame.Decode(frame, 0, true, readings));
            Assert.IsTrue(double.IsNaN(readings[1].Value));
        }
    }
}
