using OneNetFirmware.OneNet;
using nanoFramework.TestFramework;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    [TestClass]
    public class OutboxTests
    {
        private static TestClock s_clock;
        private static RecordingLink s_link;
        private static BatchWriter s_writer;
        private static NullLog s_log;
        private static PropertyTable s_table;
        private static OneNetTopics s_topics;
        private static Uplink s_uplink;

        private static Outbox Make(int capacity, int bytes)
        {
            s_clock = new TestClock();
            s_link = new RecordingLink();
            s_writer = new BatchWriter();
            s_log = new NullLog();
            s_table = new PropertyTable(4);
            s_table.Add("temp", PropertyKind.Number, 1);
            s_table.Add("hum", PropertyKind.Number, 1);
            s_topics = new OneNetTopics("P1", "d1");
            s_uplink = new Uplink(s_link, s_topics, s_writer, s_table, 64);
            return new Outbox(capacity, bytes, 10, 16, s_table, s_clock, s_log);
        }

        private static void Pump(Outbox outbox)
        {
            outbox.Pump(s_clock.Now, true, s_uplink);
        }

        [TestMethod]
        public void TheBatchHoldsTheTypicalPointsThePayloadBufferTakesAtMostOneNetsLimit()
        {
            Assert.AreEqual(2048 / RuntimeDefaults.HistoryPointBytes, Outbox.BatchPointsFor(2048));
            Assert.AreEqual(55, Outbox.BatchPointsFor(RuntimeDefaults.MinPayloadBufferBytes));
            Assert.AreEqual(RuntimeDefaults.BatchPoints, Outbox.BatchPointsFor(8192));
            Assert.AreEqual(1, Outbox.BatchPointsFor(10));
        }

        [TestMethod]
        public void AReportSendsTheNewestReadingOfEachPropertyAndA200CompletesIt()
        {
            Outbox outbox = Make(8, 4096);
            outbox.Add(0, 20.5);
            outbox.Add(1, 50);
            outbox.RequestReport();
            Pump(outbox);
            Assert.IsFalse(s_writer.LastHistory);
            Assert.AreEqual(2, s_writer.LastCount);
            Assert.AreEqual(s_topics.PropertyPost, s_link.LastTopic);
            Assert.AreEqual(2, outbox.OnReply(s_writer.LastId, 200, "success"));
            Assert.AreEqual(0, outbox.Depth);
            Assert.AreEqual(0, outbox.Bytes);
        }

        [TestMethod]
        public void AMissingReplyIsResentAsHistoryAfterTheTimeoutWithTheOriginalTime()
        {
            Outbox outbox = Make(8, 4096);
            s_clock.Now = 500;
            outbox.Add(0, 1);
            outbox.RequestReport();
            Pump(outbox);
            int first = s_writer.LastId;
            s_clock.Now = 9000;
            Pump(outbox);
            Assert.AreEqual(first, s_writer.LastId);
            s_clock.Now = 10600;
            Pump(outbox);
            Assert.IsTrue(s_writer.LastHistory);
            Assert.AreEqual(TestClock.Epoch + 500, s_writer.FirstTime);
            Assert.AreEqual(0, outbox.OnReply(first, 200, "late"));
            Assert.AreEqual(1, outbox.OnReply(s_writer.LastId, 200, "success"));
        }

        [TestMethod]
        public void ABackfillIsNotStarvedByAReportDueEverySecond()
        {
            Outbox outbox = Make(64, 8192);
            for (int i = 0; i < 10; i++)
            {
                s_clock.Now = i * 1000;
                outbox.Add(0, i); // sampled while offline
            }
            int histories = 0;
            for (int second = 10; second < 16; second++)
            {
                s_clock.Now = second * 1000;
                outbox.Add(0, second);
                outbox.RequestReport();
                Pump(outbox);
                if (s_writer.LastHistory)
                {
                    histories++;
                }
                outbox.OnReply(s_writer.LastId, 200, "success");
            }
            Assert.IsTrue(histories >= 1, "the back-fill never got a slot");
            Assert.AreEqual(0, outbox.Depth); // a reading and a report every second, yet the backlog is gone
        }

        [TestMethod]
        public void PostsUnansweredForThreeReplyTimeoutsMeanAStalledSessionOnceThePlatformHasAnswered()
        {
            Outbox outbox = Make(8, 4096);
            outbox.Add(0, 1);
            outbox.RequestReport();
            Pump(outbox);
            s_clock.Now = 60000;
            Assert.IsFalse(outbox.IsStalled(s_clock.Now)); // a plain broker that never answers is not a stall
            outbox.OnReply(s_writer.LastId, 200, "success");
            s_clock.Now = 61000;
            outbox.Add(0, 2);
            outbox.RequestReport();
            Pump(outbox);
            Assert.IsFalse(outbox.IsStalled(61000 + 29999));
            Assert.IsTrue(outbox.IsStalled(61000 + 30000));
            outbox.OnReply(12345, 200, "another post's reply"); // any reply shows the session is alive
            Assert.IsFalse(outbox.IsStalled(61000 + 40000));
            s_clock.Now = 100000;
            outbox.Add(0, 3);
            outbox.RequestReport();
            Pump(outbox);
            outbox.OnSessionStarted();
            Assert.IsFalse(outbox.IsStalled(100000 + 30000));
        }

        [TestMethod]
        public void ASlowReplyBeforeTheResendStillCompletesTheReading()
        {
            Outbox outbox = Make(8, 4096);
            outbox.Add(0, 1);
            outbox.RequestReport();
            Pump(outbox);
            int first = s_writer.LastId;
            s_link.Up = false;
            s_clock.Now = 12000;
            Pump(outbox);
            Assert.AreEqual(1, outbox.OnReply(first, 200, "slow"));
            Assert.AreEqual(0, outbox.Depth);
        }

        [TestMethod]
        public void ANon200ReplyDropsAndCountsWithoutRetrying()
        {
            Outbox outbox = Make(8, 4096);
            outbox.Add(0, 1);
            outbox.Add(1, 2);
            outbox.RequestReport();
            Pump(outbox);
            Assert.AreEqual(2, outbox.OnReply(s_writer.LastId, 2402, "request format error"));
            Assert.AreEqual(2, outbox.Rejected);
            Assert.AreEqual(1, s_log.Warnings);
            int publishes = s_link.Publishes;
            s_clock.Now = 60000;
            Pump(outbox);
            Assert.AreEqual(publishes, s_link.Publishes);
        }

        [TestMethod]
        public void WhenFullByCountTheOldestIsDroppedAndCounted()
        {
            Outbox outbox = Make(4, 4096);
            for (int i = 0; i < 6; i++)
            {
                outbox.Add(0, i);
            }
            Assert.AreEqual(4, outbox.Depth);
            Assert.AreEqual(2, outbox.Dropped);
            s_link.Up = true;
            Pump(outbox); // no report asked for and no backlog yet: nothing is sent
            outbox.RequestReport();
            s_clock.Now = 2000;
            Pump(outbox);
            Assert.AreEqual(5.0, s_writer.FirstValue);
            s_clock.Now = 4000;
            Pump(outbox);
            Assert.IsTrue(s_writer.LastHistory);
            Assert.AreEqual(3, s_writer.LastCount);
            Assert.AreEqual(2.0, s_writer.FirstValue);
        }

        [TestMethod]
        public void WhenFullByBytesTheOldestIsDropped()
        {
            // Each "temp" reading costs 4 + PointOverheadBytes.
            Outbox outbox = Make(100, 3 * (4 + RuntimeDefaults.PointOverheadBytes));
            for (int i = 0; i < 5; i++)
            {
                outbox.Add(0, i);
            }
            Assert.AreEqual(3, outbox.Depth);
            Assert.AreEqual(2, outbox.Dropped);
            Assert.IsTrue(outbox.Bytes <= 3 * (4 + RuntimeDefaults.PointOverheadBytes));
        }

        [TestMethod]
        public void ReadingsTakenBeforeTheClockWasSetGetTheirTimeDerived()
        {
            Outbox outbox = Make(8, 4096);
            s_clock.UtcValid = false;
            s_clock.Now = 1000;
            outbox.Add(0, 1);
            s_clock.Now = 5000;
            s_clock.UtcValid = true;
            outbox.RequestReport();
            Pump(outbox);
            Assert.IsTrue(s_writer.FirstHasTime);
            Assert.AreEqual(TestClock.Epoch + 1000, s_writer.FirstTime);
        }

        [TestMethod]
        public void NothingIsSentWhileOfflineOrFasterThanOncePerSecond()
        {
            Outbox outbox = Make(8, 4096);
            outbox.Add(0, 1);
            outbox.RequestReport();
            outbox.Pump(0, false, s_uplink);
            Assert.AreEqual(0, s_link.Publishes);
            Pump(outbox);
            outbox.Add(1, 2);
            outbox.RequestReport();
            s_clock.Now = 999;
            Pump(outbox);
            Assert.AreEqual(1, s_link.Publishes);
            s_clock.Now = 1000;
            Pump(outbox);
            Assert.AreEqual(2, s_link.Publishes);
        }
    }
}
