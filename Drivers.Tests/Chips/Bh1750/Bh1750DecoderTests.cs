using nanoFramework.TestFramework;
using OneNetFirmware.Drivers.Chips.Bh1750;

namespace NFUnitTest.Drivers.Chips.Bh1750
{
    /// <summary>BH1750 results converted to lux (known answers).</summary>
    [TestClass]
    public class Bh1750DecoderTests
    {
        [TestMethod]
        public void Bh1750DividesByOnePointTwo()
        {
            Near.Check(250.0, Bh1750Driver.Decode(new byte[] { 0x01, 0x2C }, 0), 1e-9, "lux");
            Near.Check(54612.5, Bh1750Driver.Decode(new byte[] { 0xFF, 0xFF }, 0), 1e-9, "lux");
        }
    }
}
