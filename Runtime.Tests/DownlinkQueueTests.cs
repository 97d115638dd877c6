using nanoFramework.TestFramework;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    /// <summary>
    /// The downlink queue keeps the link's own payload arrays (no copy) and is bounded by count and by the bytes they add
    /// up to; an empty queue always takes one message, however large, so it can be answered 413.
    /// </summary>
    [TestClass]
    public class DownlinkQueueTests
    {
        private static DownlinkQueue Queue(int slots)
        {
            return new DownlinkQueue(slots, 64, 100); // reads 64 bytes of a payload, holds 100 in all
        }

        [TestMethod]
        public void TheQueueHandsBackTheArrayItWasGivenAndLetsGoOfIt()
        {
            DownlinkQueue queue = Queue(4);
            byte[] first = new byte[10];
            byte[] second = new byte[20];
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PropertySet, null, first));
            Assert.IsTrue(queue.Enqueue(DownlinkKind.ServiceInvoke, "reboot", second));
            Assert.AreEqual(30, queue.QueuedBytes);

            byte[] payload;
            DownlinkKind kind;
            string service;
            bool tooLarge;
            Assert.AreEqual(10, queue.Dequeue(out payload, out kind, out service, out tooLarge));
            Assert.AreSame(first, payload);
            Assert.AreEqual((int)DownlinkKind.PropertySet, (int)kind);
            Assert.IsNull(service);
            Assert.IsFalse(tooLarge);
            Assert.AreEqual(20, queue.Dequeue(out payload, out kind, out service, out tooLarge));
            Assert.AreSame(second, payload);
            Assert.AreEqual("reboot", service);
            Assert.AreEqual(0, queue.QueuedBytes);
            Assert.AreEqual(-1, queue.Dequeue(out payload, out kind, out service, out tooLarge));
            Assert.IsNull(payload);
        }

        [TestMethod]
        public void AMessageOverTheQueuedBytesIsDroppedAndCountedAndALaterOneThatFitsIsTaken()
        {
            DownlinkQueue queue = Queue(8);
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PostReply, null, new byte[60]));
            Assert.IsFalse(queue.Enqueue(DownlinkKind.PostReply, null, new byte[41])); // 101 > 100
            Assert.AreEqual(1, queue.Dropped);
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PostReply, null, new byte[40])); // exactly 100
            Assert.AreEqual(2, queue.Count);
            Assert.AreEqual(100, queue.QueuedBytes);

            byte[] payload;
            DownlinkKind kind;
            string service;
            bool tooLarge;
            queue.Dequeue(out payload, out kind, out service, out tooLarge);
            Assert.AreEqual(40, queue.QueuedBytes);
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PostReply, null, new byte[41]));
            Assert.AreEqual(1, queue.Dropped);
        }

        [TestMethod]
        public void AnEmptyQueueTakesAMessageOverTheBoundAndFlagsItTooLarge()
        {
            DownlinkQueue queue = Queue(8);
            byte[] big = new byte[500];
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PropertySet, null, big));
            Assert.IsFalse(queue.Enqueue(DownlinkKind.PropertyGet, null, new byte[1])); // nothing more while it is held
            Assert.AreEqual(1, queue.Dropped);

            byte[] payload;
            DownlinkKind kind;
            string service;
            bool tooLarge;
            Assert.AreEqual(64, queue.Dequeue(out payload, out kind, out service, out tooLarge)); // only its head is read
            Assert.IsTrue(tooLarge);
            Assert.AreSame(big, payload);
            Assert.AreEqual(0, queue.QueuedBytes);
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PropertyGet, null, new byte[1]));
        }

        [TestMethod]
        public void TheCountBoundStillHoldsForSmallMessages()
        {
            DownlinkQueue queue = Queue(2);
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PostReply, null, new byte[1]));
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PostReply, null, new byte[1]));
            Assert.IsFalse(queue.Enqueue(DownlinkKind.PostReply, null, new byte[1]));
            Assert.AreEqual(1, queue.Dropped);
            Assert.AreEqual(2, queue.Count);
        }

        [TestMethod]
        public void ANullPayloadIsAnEmptyOne()
        {
            DownlinkQueue queue = Queue(2);
            Assert.IsTrue(queue.Enqueue(DownlinkKind.PostReply, null, null));
            byte[] payload;
            DownlinkKind kind;
            string service;
            bool tooLarge;
            Assert.AreEqual(0, queue.Dequeue(out payload, out kind, out service, out tooLarge));
            Assert.AreEqual(0, payload.Length);
        }
    }
}
