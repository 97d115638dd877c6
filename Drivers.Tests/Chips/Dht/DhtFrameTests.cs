using nanoFramework.TestFramework;
using NFUnitTest.Drivers;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Dht;

namespace NFUnitTest.Drivers.Chips.Dht
{
    /// <summary>DHT11/DHT22 frames decoded (the AM2302 datasheet example and sign/range rules).</summary>
    [TestClass]
    public class DhtFrameTests
    {
        [TestMethod]
        public void Dht22DecodesTheDatasheetExample()
        {
            // AM2302 datasheet: 0x028C = 65.2 %RH, 0x015F = 35.1 °C, checksum 0xEE.
            Reading[] readings = TestReadings.TemperatureHumidity();
            Assert.AreEqual((int)ReadStatus.Ok, (int)DhtFrame.Decode(new byte[] { 0x02, 0x8C, 0x01, 0x5F, 0xEE }, 0, true, readings));
            Near.Check(35.1, readings[0].Value, 1e-9, "temperature");
            Near.Check(65.2, readings[1].Value, 1e-9, "humidity");
        }

        [TestMethod]
        public void Dht22SignBitMakesTemperatureNegative()
        {
            // 0x8065 = -10.1 °C.
            Reading[] readings = TestReadings.TemperatureHumidity();
            byte[] frame = new byte[] { 0x02, 0x8C, 0x80, 0x65, 0 };
            frame[4] = (byte)((frame[0] + frame[1] + frame[2] + frame[3]) & 0xFF);
            Assert.AreEqual((int)ReadStatus.Ok, (int)DhtFrame.Decode(frame, 0, true, readings));
            Near.Check(-10.1, readings[0].Value, 1e-9, "temperature");
        }

        [TestMethod]
        public void Dht11UsesIntegerAndTenthBytes()
        {
            Reading[] readings = TestReadings.TemperatureHumidity();
            Assert.AreEqual((int)ReadStatus.Ok, (int)DhtFrame.Decode(new byte[] { 0x35, 0x00, 0x18, 0x03, 0x50 }, 0, false, readings));
            Near.Check(24.3, readings[0].Value, 1e-9, "temperature");
            Near.Check(53.0, readings[1].Value, 1e-9, "humidity");
        }

        [TestMethod]
        public void DhtChecksumAndRangeFailuresGiveNoValue()
        {
            Reading[] readings = TestReadings.TemperatureHumidity();
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
