using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;

namespace NFUnitTest.OneNet
{
    [TestClass]
    public class OneNetTopicsTests
    {
        private static OneNetTopics Topics()
        {
            return new OneNetTopics("pid1", "node-01");
        }

        [TestMethod]
        public void BuildsTheOneJsonTopicsOfThisDevice()
        {
            OneNetTopics t = Topics();
            Assert.AreEqual("$sys/pid1/node-01/thing/property/post", t.PropertyPost);
            Assert.AreEqual("$sys/pid1/node-01/thing/property/post/reply", t.PropertyPostReply);
            Assert.AreEqual("$sys/pid1/node-01/thing/property/set_reply", t.PropertySetReply);
            Assert.AreEqual("$sys/pid1/node-01/thing/property/get_reply", t.PropertyGetReply);
            Assert.AreEqual("$sys/pid1/node-01/thing/property/desired/get/reply", t.DesiredGetReply);
            Assert.AreEqual("$sys/pid1/node-01/thing/property/desired/delete", t.DesiredDelete);
            Assert.AreEqual("$sys/pid1/node-01/thing/event/post", t.EventPost);
            Assert.AreEqual("$sys/pid1/node-01/thing/history/post/reply", t.HistoryPostReply);
            Assert.AreEqual("$sys/pid1/node-01/thing/pack/post", t.PackPost);
            Assert.AreEqual("$sys/pid1/node-01/ota/inform_reply", t.OtaInformReply);
        }

        [TestMethod]
        public void SubscribesTheThingWildcardAndOtaInformOnly()
        {
            OneNetTopics t = Topics();
            Assert.AreEqual(1, t.RequiredSubscriptions.Length);
            Assert.AreEqual("$sys/pid1/node-01/thing/#", t.RequiredSubscriptions[0]);
            Assert.AreEqual(1, t.OptionalSubscriptions.Length);
            Assert.AreEqual("$sys/pid1/node-01/ota/inform", t.OptionalSubscriptions[0]);
        }

        [TestMethod]
        public void ClassifiesDownlinks()
        {
            OneNetTopics t = Topics();
            Assert.AreEqual(Downlink.PropertySet, t.Classify("$sys/pid1/node-01/thing/property/set"));
            Assert.AreEqual(Downlink.PropertyGet, t.Classify("$sys/pid1/node-01/thing/property/get"));
            Assert.AreEqual(Downlink.PropertyPostReply, t.Classify("$sys/pid1/node-01/thing/property/post/reply"));
            Assert.AreEqual(Downlink.DesiredGetReply, t.Classify("$sys/pid1/node-01/thing/property/desired/get/reply"));
            Assert.AreEqual(Downlink.EventPostReply, t.Classify("$sys/pid1/node-01/thing/event/post/reply"));
            Assert.AreEqual(Downlink.OtaInform, t.Classify("$sys/pid1/node-01/ota/inform"));
            Assert.AreEqual(Downlink.ServiceInvoke, t.Classify("$sys/pid1/node-01/thing/service/reboot/invoke"));
        }

        [TestMethod]
        public void UnknownTopicsAreUnknown()
        {
            OneNetTopics t = Topics();
            Assert.AreEqual(Downlink.Unknown, t.Classify(null));
            Assert.AreEqual(Downlink.Unknown, t.Classify(""));
            Assert.AreEqual(Downlink.Unknown, t.Classify("$sys/pid1/other/thing/property/set"));
            Assert.AreEqual(Downlink.Unknown, t.Classify("$sys/pid1/node-01/thing/service//invoke"));
            Assert.AreEqual(Downlink.Unknown, t.Classify("$sys/pid1/node-01/thing/service/a/b/invoke"));
            Assert.AreEqual(Downlink.Unknown, t.Classify("$sys/pid1/node-01/thing/service/reboot/invoke_reply"));
        }

        [TestMethod]
        public void ExtractsTheServiceIdentifier()
        {
            OneNetTopics t = Topics();
            string topic = "$sys/pid1/node-01/thing/service/reboot/invoke";
            Assert.AreEqual("reboot", t.ServiceIdentifier(topic));
            Assert.IsTrue(t.IsServiceInvoke(topic, "reboot"));
            Assert.IsFalse(t.IsServiceInvoke(topic, "rebooT"));
            Assert.IsNull(t.ServiceIdentifier("$sys/pid1/node-01/thing/property/set"));
            Assert.AreEqual("$sys/pid1/node-01/thing/service/reboot/invoke_reply", t.InvokeReply(topic));
        }
    }
}
