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
        public void OutputStatesRoundTripByIdentifier()
        {
            var record = new NodeRecord();
            record.BootCount = 2;
            record.SetOutput("relay1", true);
            record.SetOutput("pump", false);
            record.SetOutput("relay1", false);
            record.SetOutput("relay1", true);
            string text = record.ToText();
            Assert.IsTrue(text.IndexOf("out=pump:0,relay1:1\n") >= 0);
            NodeRecord back = NodeRecord.Parse(text);
            bool on;
            Assert.IsTrue(back.TryGetOutput("relay1", out on));
            Assert.IsTrue(on);
            Assert.IsTrue(back.TryGetOutput("pump", out on));
            Assert.IsFalse(on);
            Assert.IsFalse(back.TryGetOutput("relay", out on));
            Assert.IsFalse(back.TryGetOutput("relay12", out on));
            Assert.AreEqual(2, back.BootCount);
        }

        [TestMethod]
        [DataRow("out=relay1:2")]
        [DataRow("out=relay1:")]
        [DataRow("out=relay1=1")]
        [DataRow("out=:1")]
        [DataRow("out=re lay1:1")]
        [DataRow("out=relay1:1x")]
        [DataRow("out relay1:1")]
        public void DamagedOutputEntriesAreIgnored(string text)
        {
            NodeRecord record = NodeRecord.Parse("boots=5\n" + text + "\n");
            bool on;
            Assert.IsFalse(record.TryGetOutput("relay1", out on));
            Assert.AreEqual(5, record.BootCount);
        }

        [TestMethod]
        public void GoodEntriesSurviveDamagedAndUnknownOnesBesideThem()
        {
            NodeRecord record = NodeRecord.Parse("out=old:1,,bad:x,relay1:1,:0,pump:0\n");
            bool on;
            Assert.IsTrue(record.TryGetOutput("relay1", out on));
            Assert.IsTrue(on);
            Assert.IsTrue(record.TryGetOutput("pump", out on));
            Assert.IsFalse(on);
            // A change rewrites the line with the well-formed entries only.
            record.SetOutput("pump", true);
            Assert.IsTrue(record.ToText().IndexOf("out=old:1,relay1:1,pump:1\n") >= 0);
            record.ClearOutputs();
            Assert.IsFalse(record.TryGetOutput("relay1", out on));
        }

        [TestMethod]
        public void ACountedBootKeepsTheOutputStates()
        {
            var board = new RecordBoard();
            board.Text = "boots=1\nreason=reboot service\nwdreboots=0\nout=relay1:1\n";
            NodeRecord record = NodeRecord.LoadAndCountBoot(board);
            bool on;
            Assert.IsTrue(record.TryGetOutput("relay1", out on));
            Assert.IsTrue(on);
            Assert.IsTrue(board.Text.IndexOf("out=relay1:1") >= 0);
            Assert.IsTrue(board.Text.IndexOf("boots=2") >= 0);
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
