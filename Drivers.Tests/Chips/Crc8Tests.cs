using nanoFramework.TestFramework;
using OneNetFirmware.Drivers.Chips;

namespace NFUnitTest.Drivers.Chips
{
    /// <summary>CRC-8 (polynomial 0x31, init 0xFF) against the Sensirion datasheet example.</summary>
    [TestClass]
    public class Crc8Tests
    {
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
    }
}
