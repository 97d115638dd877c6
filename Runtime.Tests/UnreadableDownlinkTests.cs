using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    /// <summary>
    /// Requests the node cannot read, through LinkEvents, the queue and the handler with the real OneJSON reader and
    /// writer: 413 for one longer than the queue reads, 400 for a malformed one, on the request's own reply topic,
    /// whenever its id can be recovered; otherwise only counted. A queue that reads 64 bytes makes "too large" easy to
    /// reach.
    /// </summary>
    [TestClass]
    public class UnreadableDownlinkTests
    {
        private const int Slot = 64; // the bytes the queue reads of a payload
        private static HandlerRig s_rig;
        private static OneNetTopics s_topics;
        private static RecordingLink s_link;
        private static DownlinkHandler s_handler;
        private static NodeCounters s_counters;
        private static Uplink s_uplink;
        private static long s_now;

        private static void Make()
        {
            var properties = new PropertyTable(2);
            properties.Add("temperature", PropertyKind.Number, 1);
            s_rig = new HandlerRig(Slot, properties);
            s_topics = s_rig.Topics;
            s_link = s_rig.Link;
            s_handler = s_rig.Handler;
            s_counters = s_rig.Counters;
            s_uplink = s_rig.Uplink;
            s_now = s_rig.Now;
        }

        private static void Arrive(string topic, string payload)
        {
            s_rig.Arrive(topic, payload);
        }

        private static void Step()
        {
            s_rig.Step();
            s_now = s_rig.Now;
        }

        private static string Big(string head)
        {
            return Padded(head, 2 * Slot);
        }

        private static string Padded(string head, int padLength)
        {
            string pad = "";
            while (pad.Length < padLength) pad += "xxxxxxxx";
            return head + "\"pad\":\"" + pad + "\"}}";
        }

        [TestMethod]
        public void AnOversizeSetWithAnIdIsAnswered413OnSetReply()
        {
            Make();
            Arrive(s_topics.PropertySet, Big("{\"id\":\"123\",\"version\":\"1.0\",\"params\":{"));
            Step();
            Assert.AreEqual(1, s_link.Publishes);
            Assert.AreEqual(s_topics.PropertySetReply, s_link.LastTopic);
            Assert.AreEqual("{\"id\":\"123\",\"code\":413,\"msg\":\"request too large\"}", s_link.LastPayload);
            Assert.AreEqual(1, s_counters.OversizeDownlinks);
            Assert.AreEqual(0, s_counters.MalformedDownlinks);
        }

        [TestMethod]
        public void OversizeGetAndServiceCallsAreAnsweredOnTheirOwnReplyTopics()
        {
            Make();
            Arrive(s_topics.PropertyGet, Big("{\"id\":\"7\",\"params\":[\"temperature\"],\"x\":{"));
            Step();
            Assert.AreEqual(s_topics.PropertyGetReply, s_link.LastTopic);
            Assert.AreEqual("{\"id\":\"7\",\"code\":413,\"msg\":\"request too large\"}", s_link.LastPayload);
            Arrive(s_topics.Prefix + "thing/service/" + DownlinkHandler.RebootService + "/invoke", Big("{\"id\":\"8\",\"params\":{"));
            Step();
            Assert.AreEqual(s_topics.ServiceInvokeReply(DownlinkHandler.RebootService), s_link.LastTopic);
            Assert.AreEqual("{\"id\":\"8\",\"code\":413,\"msg\":\"request too large\"}", s_link.LastPayload);
            Assert.AreEqual(-1L, s_handler.RebootAtMilliseconds); // not carried out
            Assert.AreEqual(2, s_counters.OversizeDownlinks);
        }

        [TestMethod]
        public void ARequestLargerThanAllTheQueueMayHoldIsStillAnswered413AndThenLetGo()
        {
            Make();
            Arrive(s_topics.PropertySet, Padded("{\"id\":\"31\",\"params\":{", RuntimeDefaults.MaxQueuedDownlinkBytes));
            Arrive(s_topics.PropertyGet, "{\"id\":\"32\",\"params\":[\"temperature\"]}"); // the big one holds the bytes
            Assert.AreEqual(1, s_rig.Queue.Dropped);
            Step();
            Assert.AreEqual(1, s_link.Publishes);
            Assert.AreEqual(s_topics.PropertySetReply, s_link.LastTopic);
            Assert.AreEqual("{\"id\":\"31\",\"code\":413,\"msg\":\"request too large\"}", s_link.LastPayload);
            Assert.AreEqual(1, s_counters.OversizeDownlinks);
            Assert.AreEqual(0, s_rig.Queue.Count);
            Assert.AreEqual(0, s_rig.Queue.QueuedBytes);
        }

        [TestMethod]
        public void AnOversizeDownlinkWithoutAnIdOrThatIsNoRequestIsOnlyCounted()
        {
            Make();
            Arrive(s_topics.PropertySet, Big("{\"params\":{"));
            Arrive(s_topics.PropertySet, Big("{\"id\":12,\"params\":{"));
            Arrive(s_topics.PropertyPostReply, Big("{\"id\":\"5\",\"code\":200,\"data\":{"));
            Step();
            Step();
            Assert.AreEqual(0, s_link.Publishes);
            Assert.AreEqual(3, s_counters.OversizeDownlinks);
        }

        [TestMethod]
        public void TruncatedJsonWithAnIdIsAnswered400AndWithoutOneOnlyCounted()
        {
            Make();
            Arrive(s_topics.PropertySet, "{\"id\":\"41\",\"version\":\"1.0\",\"params\":{\"relay1\":tru");
            Step();
            Assert.AreEqual(s_topics.PropertySetReply, s_link.LastTopic);
            Assert.AreEqual("{\"id\":\"41\",\"code\":400,\"msg\":\"malformed request\"}", s_link.LastPayload);
            Arrive(s_topics.PropertySet, "relay1=on");
            Arrive(s_topics.PropertySet, "{\"params\":{\"id\":\"42\"");
            Step();
            Assert.AreEqual(1, s_link.Publishes);
            Assert.AreEqual(3, s_counters.MalformedDownlinks);
            Assert.AreEqual(0, s_counters.OversizeDownlinks);
        }

        [TestMethod]
        public void AnErrorReplyWaitsForTheUplinkPacerLikeAnyReply()
        {
            Make();
            s_uplink.Publish(s_topics.PropertyPost, 0, s_now); // another uplink just took the slot
            int before = s_link.Publishes;
            Arrive(s_topics.PropertySet, Big("{\"id\":\"9\",\"params\":{"));
            s_handler.ApplyQueued(s_now + 100);
            Assert.AreEqual(before + 0, s_link.Publishes);
            s_handler.ApplyQueued(s_now + RuntimeDefaults.UplinkIntervalMilliseconds);
            Assert.AreEqual(before + 1, s_link.Publishes);
            Assert.IsFalse(s_uplink.CanSend(s_now + RuntimeDefaults.UplinkIntervalMilliseconds));
        }
    }
}
