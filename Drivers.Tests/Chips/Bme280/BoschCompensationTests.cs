using nanoFramework.TestFramework;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Bme280;

namespace NFUnitTest.Drivers.Chips.Bme280
{
    /// <summary>BMP280 datasheet §3.12 example calibration and readings, through the integer compensation.</summary>
    [TestClass]
    public class BoschCompensationTests
    {
        private static BoschCalibration DatasheetExample()
        {
            BoschCalibration c = new BoschCalibration();
            c.T1 = 27504; c.T2 = 26435; c.T3 = -1000;
            c.P1 = 36477; c.P2 = -10685; c.P3 = 3024; c.P4 = 2855; c.P5 = 140; c.P6 = -7; c.P7 = 15500; c.P8 = -14600; c.P9 = 6000;
            return c;
        }

        [TestMethod]
        public void TemperatureIs2508CentiDegrees()
        {
            BoschCalibration c = DatasheetExample();
            int fine = c.FineTemperature(519888);
            Assert.AreEqual(128422, fine);
            Assert.AreEqual(2508, BoschCalibration.TemperatureCentiDegrees(fine));
        }

        [TestMethod]
        public void PressureIsAbout100653Pascal()
        {
            BoschCalibration c = DatasheetExample();
            long q = c.PressureQ24_8(415148, c.FineTemperature(519888));
            // The datasheet's floating-point result is 100653.27 Pa; the integer path agrees within 1 Pa.
            Near.Check(100653.27, q / 256.0, 1.0, "pressure");
        }

        [TestMethod]
        public void CalibrationLoadsLittleEndianSignedWords()
        {
            byte[] raw = new byte[24];
            int[] values = new int[] { 27504, 26435, -1000, 36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000 };
            for (int i = 0; i < values.Length; i++)
            {
                raw[2 * i] = (byte)(values[i] & 0xFF);
                raw[2 * i + 1] = (byte)((values[i] >> 8) & 0xFF);
            }
            BoschCalibration c = new BoschCalibration();
            c.LoadTemperaturePressure(raw, 0);
            Assert.AreEqual(27504, c.T1);
            Assert.AreEqual(-1000, c.T3);
            Assert.AreEqual(36477, c.P1);
            Assert.AreEqual(-14600, c.P8);
        }

        [TestMethod]
        public void HumidityNibblesAreSplitAsTheDatasheetSays()
        {
            // E4 = 0x14, E5 = 0x2A, E6 = 0x03: dig_H4 = 0x14 << 4 | 0xA = 330, dig_H5 = 0x03 << 4 | 0x2 = 50.
            BoschCalibration c = new BoschCalibration();
            c.LoadHumidity(75, new byte[] { 0x6C, 0x01, 0x00, 0x14, 0x2A, 0x03, 0x1E }, 0);
            Assert.AreEqual(75, c.H1);
            Assert.AreEqual(364, c.H2);
            Assert.AreEqual(0, c.H3);
            Assert.AreEqual(330, c.H4);
            Assert.AreEqual(50, c.H5);
            Assert.AreEqual(30, c.H6);
        }

        [TestMethod]
        public void HumidityIsClampedToTheFormulaRange()
        {
            BoschCalibration c = DatasheetExample();
            c.LoadHumidity(75, new byte[] { 0x6C, 0x01, 0x00, 0x14, 0x2A, 0x03, 0x1E }, 0);
            int fine = c.FineTemperature(519888);
            int low = c.HumidityQ22_10(0, fine);
            int high = c.HumidityQ22_10(0xFFFF, fine);
            Assert.AreEqual(0, low);
            Assert.AreEqual(100 * 1024, high);
            int mid = c.HumidityQ22_10(30000, fine);
            Assert.IsTrue(mid > 0 && mid < 100 * 1024);
        }

        [TestMethod]
        public void SkippedConversionIsOutOfRange()
        {
            Reading[] readings = new Reading[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Pressure, "Pa") };
            byte[] burst = new byte[] { 0x80, 0x00, 0x00, 0x7E, 0xED, 0x00 };
            Assert.AreEqual((int)ReadStatus.OutOfRange, (int)Bme280Driver.Decode(burst, 0, DatasheetExample(), false, readings));
            Assert.IsTrue(double.IsNaN(readings[0].Value));
        }

        [TestMethod]
        public void BurstDecodesTheDatasheetExample()
        {
            // adc_P = 415148 = 0x655AC, adc_T = 519888 = 0x7EED0, packed as 20-bit values in the 0xF7 burst.
            Reading[] readings = new Reading[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Pressure, "Pa") };
            byte[] burst = new byte[] { 0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00 };
            Assert.AreEqual((int)ReadStatus.Ok, (int)Bme280Driver.Decode(burst, 0, DatasheetExample(), false, readings));
            Near.Check(25.08, readings[0].Value, 1e-9, "temperature");
            Near.Check(100653.27, readings[1].Value, 1.0, "pressure");
        }
    }
}
