using nanoFramework.TestFramework;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    [TestClass]
    public class BackoffTests
    {
        [TestMethod]
        public void CeilingDoublesFromTheBaseUpToTheCap()
        {
            var backoff = new Backoff(5000, 300000, new FixedRandom());
            Assert.AreEqual(5000, backoff.Ceiling(0));
            Assert.AreEqual(10000, backoff.Ceiling(1));
            Assert.AreEqual(160000, backoff.Ceiling(5));
            Assert.AreEqual(300000, backoff.Ceiling(6));
            Assert.AreEqual(300000, backoff.Ceiling(1000));
        }

        [TestMethod]
        public void DelaysAreFullJitterWithinTheCeiling()
        {
            var random = new FixedRandom();
            random.ReturnMax = true;
            var backoff = new Backoff(1000, 8000, random);
            Assert.AreEqual(1000, backoff.NextDelayMilliseconds());
            Assert.AreEqual(2000, backoff.NextDelayMilliseconds());
            Assert.AreEqual(4000, backoff.NextDelayMilliseconds());
            Assert.AreEqual(8000, backoff.NextDelayMilliseconds());
            Assert.AreEqual(8000, backoff.NextDelayMilliseconds());
            random.ReturnMax = false;
            Assert.AreEqual(0, backoff.NextDelayMilliseconds());
            Assert.AreEqual(8001, random.LastMax);
        }

        [TestMethod]
        public void ResetStartsAgainFromTheBase()
        {
            var random = new FixedRandom();
            random.ReturnMax = true;
            var backoff = new Backoff(1000, 60000, random);
            backoff.NextDelayMilliseconds();
            backoff.NextDelayMilliseconds();
            backoff.Reset();
            Assert.AreEqual(0, backoff.Attempt);
            Assert.AreEqual(1000, backoff.NextDelayMilliseconds());
        }

        [TestMethod]
        public void SeededRandomDelaysStayInBoundsForManyAttempts()
        {
            var backoff = new Backoff(5000, 300000, new SystemRandomSource(42));
            for (int n = 0; n < 200; n++)
            {
                int ceiling = backoff.Ceiling(backoff.Attempt);
                int delay = backoff.NextDelayMilliseconds();
                Assert.IsTrue(delay >= 0 && delay <= ceiling);
            }
        }

        [TestMethod]
        public void LoginLimiterAllowsTwoAttemptsPerFiveSeconds()
        {
            var limiter = new LoginLimiter();
            Assert.AreEqual(1000L, limiter.EarliestNextAttempt(1000));
            limiter.Record(1000);
            Assert.AreEqual(1100L, limiter.EarliestNextAttempt(1100));
            limiter.Record(1100);
            Assert.AreEqual(6001L, limiter.EarliestNextAttempt(1200));
            limiter.Record(6001);
            Assert.AreEqual(6101L, limiter.EarliestNextAttempt(6002));
            Assert.AreEqual(9000L, limiter.EarliestNextAttempt(9000));
        }
    }
}
