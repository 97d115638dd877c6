using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Ports;

namespace NFUnitTest.OneNet.Ports
{
    [TestClass]
    public class SubackTrackerTests
    {
        [TestMethod]
        public void AnEarlierSessionsAnswerToTheSameIdIsNotThisRequestsAnswer()
        {
            var t = new SubackTracker();
            int first = t.NewSession();
            t.BeginRequest();
            t.Expect(1);
            t.Received(first, 1, false);
            Assert.AreEqual(SubackTracker.Refused, t.Result);

            int second = t.NewSession(); // a new client numbers from 1 again
            t.BeginRequest();
            t.Expect(1);
            Assert.AreEqual(SubackTracker.Pending, t.Result);
            t.Received(first, 1, true); // late, from the old client
            Assert.AreEqual(SubackTracker.Pending, t.Result);
            t.Received(second, 1, true);
            Assert.AreEqual(SubackTracker.Granted, t.Result);
        }

        [TestMethod]
        public void ASubackBeforeTheIdIsKnownIsKeptAndOtherIdsIgnored()
        {
            var t = new SubackTracker();
            int s = t.NewSession();
            t.BeginRequest();
            t.Received(s, 2, true);
            t.Expect(2);
            Assert.AreEqual(SubackTracker.Granted, t.Result);

            t.BeginRequest();
            t.Expect(3);
            t.Received(s, 2, false); // a duplicate of the previous request's answer
            Assert.AreEqual(SubackTracker.Pending, t.Result);
            t.Received(s, 3, false);
            Assert.AreEqual(SubackTracker.Refused, t.Result);
        }
    }
}
