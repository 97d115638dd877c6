using nanoFramework.TestFramework;

namespace NFUnitTest.Drivers
{
    /// <summary>Approximate comparison for decoded sensor values (the test framework has no delta overload).</summary>
    internal static class Near
    {
        public static void Check(double expected, double actual, double tolerance, string what)
        {
            double difference = expected - actual;
            if (difference < 0) difference = -difference;
            Assert.IsTrue(difference <= tolerance, what + ": expected " + expected.ToString() + ", got " + actual.ToString());
        }
    }
}
