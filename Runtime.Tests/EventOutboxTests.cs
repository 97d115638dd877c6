using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    [TestClass]
    public class EventOutboxTests
    {
        private static TestClock s_clock;
        private static RecordingLink s_link;
        private static BatchWriter s_writer;
        private static NullLog s_log;
        private static OneNetTopics s_topics;
        private static Uplink s_uplink;

        private static EventOutbox Make(int capacity)
        {
            s_clock = new TestClock();
            s_link = new RecordingLink();
            s_writer = new BatchWriter();
            s_log = new NullLog();
            s_topics = new OneNetTopics("P1", "d1");
            var table = new EventTable(2);
            table.Add("door", NodeEvents.ContactParameter);
            table.Add("pir", NodeEvents.MotionParameter);
            s_uplink = new Uplink(s_link, s_topics, s_writer, new PropertyTable(0), 64);
            return new EventOutbox(capacity, 10, table, s_clock, s_log);
        }

        /// <summary>A queue with one event sent at time 0; firstId is its post id.</summary>
        private static EventOutbox OneSent(out int firstId)
        {
            EventOutbox events = Make(4);
            events.Add(0, true);
            Pump(events);
            firstId = s_writer.LastId;
            return events;
        }

        private static bool Pump(EventOutbox events)
        {
            return events.Pump(s_clock.Now, true, s_uplink);
        }

        [TestMethod]
        public void AnEventGoesOutAloneOnTheEventTopicWithItsTimeAndA200CompletesIt()
        {
            EventOutbox events = Make(4);
            s_clock.Now = 700;
            events.Add(1, true);
            s_clock.Now = 900;
            Assert.IsTrue(Pump(events));
            Assert.AreEqual(s_topics.EventPost, s_link.LastTopic);
            Assert.AreEqual(1, s_writer.LastEvent);
            Assert.IsTrue(s_writer.LastEventValue);
            Assert.AreEqual(TestClock.Epoch + 700, s_writer.FirstTime);
            Assert.AreEqual(1, events.Depth);
            Assert.AreEqual(1, events.OnReply(s_writer.LastId, ReplyCodes.Success, "success"));
            Assert.AreEqual(0, events.Depth);
            Assert.AreEqual(1, events.Acknowledged);
            Assert.AreEqual(0, events.OnReply(s_writer.LastId, ReplyCodes.Success, "again"));
        }

        [TestMethod]
        public void EventsGoOutOldestFirstOnePerPacedSecond()
        {
            EventOutbox events = Make(4);
            events.Add(0, true);
            s_clock.Now = 100;
            events.Add(0, false);
            Assert.IsTrue(Pump(events));
            Assert.IsTrue(s_writer.LastEventValue);
            s_clock.Now = 600;
            Assert.IsFalse(Pump(events)); // the pacer: one uplink per second
            s_clock.Now = 1100;
            Assert.IsTrue(Pump(events));
            Assert.IsFalse(s_writer.LastEventValue);
            Assert.AreEqual(TestClock.Epoch + 100, s_writer.FirstTime);
            Assert.AreEqual(2, events.Posted);
        }

        [TestMethod]
        public void AFullQueueDropsTheOldestAndCountsIt()
        {
            EventOutbox events = Make(3);
            for (int i = 0; i < 5; i++)
            {
                s_clock.Now = i * 1000;
                events.Add(0, i % 2 == 0);
            }
            Assert.AreEqual(3, events.Depth);
            Assert.AreEqual(2, events.Dropped);
            Assert.AreEqual(5, events.Raised);
            Pump(events);
            Assert.AreEqual(TestClock.Epoch + 2000, s_writer.FirstTime);
        }

        [TestMethod]
        public void ANon200ReplyDropsTheEventAndCountsIt()
        {
            EventOutbox events = Make(4);
            events.Add(0, true);
            Pump(events);
            Assert.AreEqual(1, events.OnReply(s_writer.LastId, 2402, "request format error"));
            Assert.AreEqual(0, events.Depth);
            Assert.AreEqual(1, events.Rejected);
            Assert.AreEqual(1, s_log.Warnings);
            s_clock.Now = 20000;
            Assert.IsFalse(Pump(events)); // never retried
        }

        [TestMethod]
        public void NoReplyWithinTheTimeoutOrANewSessionSendsItAgain()
        {
            int first;
            EventOutbox events = OneSent(out first);
            s_clock.Now = 9000;
            Assert.IsFalse(Pump(events));
            s_clock.Now = 10000;
            Assert.IsTrue(Pump(events));
            Assert.AreNotEqual(first, s_writer.LastId);
            Assert.AreEqual(TestClock.Epoch, s_writer.FirstTime);
            s_clock.Now = 11000;
            events.OnSessionStarted();
            Assert.IsTrue(Pump(events));
            Assert.AreEqual(3, events.Posted);
            Assert.AreEqual(0, events.OnReply(first, ReplyCodes.Success, "superseded"));
            Assert.AreEqual(1, events.OnReply(s_writer.LastId, ReplyCodes.Success, "success"));
            Assert.AreEqual(0, events.Depth);
        }

        [TestMethod]
        public void ASlowReplyBeforeTheResendStillCompletesTheEvent()
        {
            int first;
            EventOutbox events = OneSent(out first);
            s_clock.Now = 10000;
            events.Pump(s_clock.Now, false, s_uplink); // offline: only expires
            Assert.AreEqual(1, events.OnReply(first, ReplyCodes.Success, "late"));
            Assert.AreEqual(0, events.Depth);
            Assert.AreEqual(1, events.Posted);
        }

        [TestMethod]
        public void AnEventBeforeTheClockWasSetGetsItsTimeFromTheMonotonicClock()
        {
            EventOutbox events = Make(4);
            s_clock.UtcValid = false;
            s_clock.Now = 3000;
            events.Add(0, true);
            s_clock.Now = 8000;
            s_clock.UtcValid = true;
            Pump(events);
            Assert.AreEqual(TestClock.Epoch + 3000, s_writer.FirstTime);
        }

        [TestMethod]
        public void WithoutAClockTheEventGoesOutWithoutATime()
        {
            EventOutbox events = Make(4);
            s_clock.UtcValid = false;
            events.Add(0, true);
            Pump(events);
            Assert.AreEqual(ReadingTime.None, s_writer.FirstTime);
        }

        [TestMethod]
        public void OfflineNothingIsSentAndAnUnknownEventIsIgnored()
        {
            EventOutbox events = Make(4);
            events.Add(5, true);
            events.Add(-1, true);
            Assert.AreEqual(0, events.Depth);
            events.Add(0, true);
            Assert.IsFalse(events.Pump(0, false, s_uplink));
            s_link.Up = false;
            Assert.IsFalse(Pump(events));
            Assert.AreEqual(0, s_link.Publishes);
            Assert.AreEqual(1, events.Depth);
        }

        [TestMethod]
        public void NodeEventsNameOneBoolParameterPerInputType()
        {
            var config = new NodeConfig();
            config.Inputs = new InputConfig[4];
            config.Inputs[0] = Input("contact", "door");
            config.Inputs[1] = Input("counter", "rain");
            config.Inputs[2] = Input("motion", "pir");
            config.Inputs[3] = Input("button", "bell");
            EventTable table = NodeEvents.FromConfig(config);
            Assert.AreEqual(3, table.Count);
            Assert.AreEqual(-1, table.IndexOf("rain"));
            Assert.AreEqual("open", table.Parameter(table.IndexOf("door")));
            Assert.AreEqual("detected", table.Parameter(table.IndexOf("pir")));
            Assert.AreEqual("pressed", table.Parameter(table.IndexOf("bell")));
            Assert.IsFalse(NodeEvents.Value("contact", true)); // active = closed
            Assert.IsTrue(NodeEvents.Value("motion", true));
            Assert.IsTrue(NodeEvents.Value("button", true));
        }

        private static InputConfig Input(string type, string identifier)
        {
            var input = new InputConfig();
            input.Type = type;
            input.Identifier = identifier;
            return input;
        }

        [TestMethod]
        public void EventPostsUnansweredForThreeReplyTimeoutsMeanAStalledSessionOnceThePlatformHasAnswered()
        {
            int firstId;
            EventOutbox events = OneSent(out firstId);
            Assert.IsFalse(events.IsStalled(60000)); // a plain broker that never answers is not a stall
            events.OnReply(firstId, ReplyCodes.Success, "success");
            s_clock.Now = 61000;
            events.Add(1, true);
            Pump(events);
            Assert.IsFalse(events.IsStalled(61000 + 29999));
            Assert.IsTrue(events.IsStalled(61000 + 30000));
            events.OnReply(12345, ReplyCodes.Success, "a reading post's reply"); // any reply shows the session is alive
            Assert.IsFalse(events.IsStalled(61000 + 40000));
        }
    }
}
