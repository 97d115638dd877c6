using OneNetFirmware.OneNet;
using nanoFramework.TestFramework;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    [TestClass]
    public class NodeRecordTests
    {
        [TestMethod]
        public void RoundTripsThroughText()
        {
            var record = new NodeRecord();
            record.BootCount = 7;
            record.LastRebootReason = "offline for 15 min\nsecond line";
            record.RecentWatchdogReboots = 2;
            NodeRecord back = NodeRecord.Parse(record.ToText());
            Assert.AreEqual(7, back.BootCount);
            Assert.AreEqual("offline for 15 min second line", back.LastRebootReason);
            Assert.AreEqual(2, back.RecentWatchdogReboots);
        }

        [TestMethod]
        public void ABootCountsItselfAndReportsTheSavedReasonOnlyOnce()
        {
            var board = new RecordBoard();
            board.Text = "boots=3\nreason=offline for 15 min\nwdreboots=1\n";
            NodeRecord first = NodeRecord.LoadAndCountBoot(board);
            Assert.AreEqual(4, first.BootCount);
            Assert.AreEqual("offline for 15 min", first.PreviousRebootReason);
            NodeRecord second = NodeRecord.LoadAndCountBoot(board);
            Assert.AreEqual(5, second.BootCount);
            Assert.AreEqual("", second.PreviousRebootReason);
            Assert.AreEqual(1, second.RecentWatchdogReboots);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("garbage")]
        [DataRow("boots=-3\nwdreboots=99999999999999\n=x\nreason")]
        public void DamagedTextGivesZeroCounters(string text)
        {
            NodeRecord record = NodeRecord.Parse(text);
            Assert.AreEqual(0, record.BootCount);
            Assert.AreEqual(0, record.RecentWatchdogReboots);
            Assert.AreEqual("", record.LastRebootReason);
        }

        [TestMethod]
        public void TopicsClassifyDownlinksAndServiceNames()
        {
            var topics = new OneNetTopics("P1", "dev");
            string service;
            Assert.AreEqual((int)DownlinkKind.PropertySet, (int)LinkEvents.KindOf(topics, "$sys/P1/dev/thing/property/set", out service));
            Assert.AreEqual((int)DownlinkKind.PostReply, (int)LinkEvents.KindOf(topics, "$sys/P1/dev/thing/history/post/reply", out service));
            Assert.AreEqual((int)DownlinkKind.PostReply, (int)LinkEvents.KindOf(topics, "$sys/P1/dev/thing/event/post/reply", out service));
            Assert.AreEqual((int)DownlinkKind.OtaInform, (int)LinkEvents.KindOf(topics, "$sys/P1/dev/ota/inform", out service));
            Assert.AreEqual((int)DownlinkKind.ServiceInvoke, (int)LinkEvents.KindOf(topics, "$sys/P1/dev/thing/service/reboot/invoke", out service));
            Assert.AreEqual("reboot", service);
            Assert.AreEqual((int)DownlinkKind.Unknown, (int)LinkEvents.KindOf(topics, "$sys/P1/other/thing/property/set", out service));
            Assert.AreEqual((int)DownlinkKind.Unknown, (int)LinkEvents.KindOf(topics, "$sys/P1/dev/thing/service//invoke", out service));
            Assert.AreEqual("$sys/P1/dev/thing/service/reboot/invoke_reply", topics.ServiceInvokeReply("reboot"));
        }

        [TestMethod]
        public void DownlinkIdsParseOnlyShortDecimals()
        {
            int id;
            Assert.IsTrue(DownlinkHandler.TryParseId("123", out id));
            Assert.AreEqual(123, id);
            Assert.IsFalse(DownlinkHandler.TryParseId("12a", out id));
            Assert.IsFalse(DownlinkHandler.TryParseId("2147483648", out id));
            Assert.IsFalse(DownlinkHandler.TryParseId("12345678901", out id));
            Assert.IsFalse(DownlinkHandler.TryParseId(null, out id));
        }
    }
}
