using nanoFramework.TestFramework;
using OneNetFirmware.Drivers.Filters;

namespace NFUnitTest.Drivers
{
    [TestClass]
    public class ChannelFilterTests
    {
        [TestMethod]
        public void CalibrationScalesThenOffsets()
        {
            ChannelFilter filter = new ChannelFilter(2.0, -1.0, 0, 0, 1, 0, 0);
            Assert.AreEqual((int)FilterResult.Report, (int)filter.Apply(10.0, 0));
            Assert.AreEqual(19.0, filter.Value);
        }

        [TestMethod]
        public void ValuesOutsideTheRangeAreRejectedAndNotAveraged()
        {
            ChannelFilter filter = new ChannelFilter(1.0, 0.0, 0.0, 100.0, 2, 0, 0);
            Assert.AreEqual((int)FilterResult.Report, (int)filter.Apply(50.0, 0));
            Assert.AreEqual((int)FilterResult.Rejected, (int)filter.Apply(120.0, 1000));
            Assert.AreEqual((int)FilterResult.Rejected, (int)filter.Apply(-0.1, 2000));
            Assert.AreEqual((int)FilterResult.Report, (int)filter.Apply(100.0, 3000));
            Assert.AreEqual(75.0, filter.Value);
        }

        [TestMethod]
        public void NaNIsAlwaysRejectedEvenWithoutARange()
        {
            ChannelFilter filter = new ChannelFilter(1.0, 0.0, 0, 0, 1, 0, 0);
            Assert.AreEqual((int)FilterResult.Rejected, (int)filter.Apply(double.NaN, 0));
            Assert.AreEqual((int)FilterResult.Rejected, (int)filter.Apply(double.PositiveInfinity, 0));
            Assert.IsTrue(double.IsNaN(filter.Value));
        }

        [TestMethod]
        public void MovingAverageKeepsTheLastNSamples()
        {
            ChannelFilter filter = new ChannelFilter(1.0, 0.0, 0, 0, 3, 0, 0);
            filter.Apply(3.0, 0);
            Assert.AreEqual(3.0, filter.Value);
            filter.Apply(6.0, 0);
            Assert.AreEqual(4.5, filter.Value);
            filter.Apply(9.0, 0);
            Assert.AreEqual(6.0, filter.Value);
            filter.Apply(12.0, 0);
            Assert.AreEqual(9.0, filter.Value);
        }

        [TestMethod]
        public void DeltaHoldsSmallChangesAndHeartbeatForcesAReport()
        {
            ChannelFilter filter = new ChannelFilter(1.0, 0.0, 0, 0, 1, 0.5, 60);
            Assert.AreEqual((int)FilterResult.Report, (int)filter.Apply(20.0, 0));
            Assert.AreEqual((int)FilterResult.Hold, (int)filter.Apply(20.4, 10000));
            Assert.AreEqual((int)FilterResult.Report, (int)filter.Apply(19.5, 20000));
            Assert.AreEqual((int)FilterResult.Hold, (int)filter.Apply(19.6, 79999));
            Assert.AreEqual((int)FilterResult.Report, (int)filter.Apply(19.6, 80000));
        }
    }
}
