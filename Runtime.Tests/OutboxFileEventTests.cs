using nanoFramework.TestFramework;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    /// <summary>
    /// The outbox file's event part (version 2): input events round-trip next to the readings with their value and
    /// time, by identifier; untimed ones follow the readings' rules; a version-1 file of an older firmware is still read.
    /// </summary>
    [TestClass]
    public class OutboxFileEventTests
    {
        private const int Capacity = 8;
        private static TestClock s_clock;
        private static NullLog s_log;
        private static ByteStorage s_storage;

        private static PropertyTable Properties()
        {
            var table = new PropertyTable(2);
            table.Add("temp", PropertyKind.Number, 1);
            return table;
        }

        private static EventTable Events(string first, string second)
        {
            var table = new EventTable(2);
            table.Add(first, "open");
            if (second != null)
            {
                table.Add(second, "pressed");
            }
            return table;
        }

        private static EventOutbox NewQueue(EventTable events)
        {
            return new EventOutbox(Capacity, 10, events, s_clock, s_log);
        }

        private static OutboxFile NewFile(PropertyTable properties, EventTable events)
        {
            return new OutboxFile(s_storage, properties, 16, events, Capacity, s_clock, s_log);
        }

        private static void Start(bool utcValid)
        {
            s_clock = new TestClock();
            s_clock.UtcValid = utcValid;
            s_log = new NullLog();
            s_storage = new ByteStorage();
        }

        /// <summary>Saves temp=21 at t=500, door=true at t=1000 and button=false at t=2000 (clock valid).</summary>
        private static void SaveReadingAndTwoEvents()
        {
            Start(true);
            PropertyTable properties = Properties();
            EventTable events = Events("door", "button");
            Outbox outbox = new Outbox(16, 4096, 10, 16, properties, s_clock, s_log);
            EventOutbox queue = NewQueue(events);
            s_clock.Now = 500;
            outbox.Add(0, 21);
            s_clock.Now = 1000;
            queue.Add(0, true);
            s_clock.Now = 2000;
            queue.Add(1, false);
            Assert.IsTrue(NewFile(properties, events).Save(outbox, queue));
        }

        [TestMethod]
        public void EventsComeBackInOrderWithTheirValuesAndUtcTimesNextToTheReadings()
        {
            SaveReadingAndTwoEvents();
            s_clock.Now = 0; // the next boot
            PropertyTable properties = Properties();
            EventTable events = Events("door", "button");
            Outbox outbox = new Outbox(16, 4096, 10, 16, properties, s_clock, s_log);
            EventOutbox queue = NewQueue(events);
            OutboxFile file = NewFile(properties, events);
            Assert.AreEqual(1, file.Restore(outbox, queue, 600000));
            Assert.AreEqual(2, file.RestoredEvents);
            Assert.AreEqual(2, queue.Depth);
            Assert.AreEqual(0, queue.Raised); // restored, not raised again
            PendingEvents list = PendingEvents.Of(queue);
            Assert.AreEqual(0, list.Event[0]);
            Assert.IsTrue(list.Value[0]);
            Assert.AreEqual(TestClock.Epoch + 1000, list.UtcMs[0]);
            Assert.AreEqual(1, list.Event[1]);
            Assert.IsFalse(list.Value[1]);
            Assert.AreEqual(TestClock.Epoch + 2000, list.UtcMs[1]);
            Assert.AreEqual(0, s_log.Warnings);
        }

        [TestMethod]
        public void ARestoredEventIsPostedWithItsOriginalTime()
        {
            SaveReadingAndTwoEvents();
            s_clock.Now = 0;
            EventTable events = Events("door", "button");
            EventOutbox queue = NewQueue(events);
            NewFile(Properties(), events).Restore(new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log), queue, 600000);
            var writer = new BatchWriter();
            Assert.IsTrue(queue.Pump(0, true, new Uplink(new RecordingLink(), new OneNetFirmware.OneNet.OneNetTopics("p", "d"),
                writer, Properties(), 8)));
            Assert.AreEqual(0, writer.LastEvent);
            Assert.IsTrue(writer.LastEventValue);
            Assert.AreEqual(TestClock.Epoch + 1000, writer.FirstTime);
        }

        [TestMethod]
        public void EventsOfIdentifiersNoLongerConfiguredAreDroppedAndCounted()
        {
            SaveReadingAndTwoEvents();
            EventTable events = Events("button", null); // "door" removed, "button" moved to index 0
            EventOutbox queue = NewQueue(events);
            OutboxFile file = NewFile(Properties(), events);
            file.Restore(new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log), queue, 600000);
            Assert.AreEqual(1, file.RestoredEvents);
            Assert.AreEqual(1, file.UnknownDropped);
            Assert.AreEqual(0, PendingEvents.Of(queue).Event[0]);
            Assert.AreEqual(1, s_log.Warnings);
        }

        [TestMethod]
        public void AnUntimedEventIsPlacedBeforeTheSleepOrDroppedWhenTheSleepIsUnknown()
        {
            Start(false);
            EventTable events = Events("door", null);
            EventOutbox queue = NewQueue(events);
            s_clock.Now = 1000;
            queue.Add(0, true);
            s_clock.Now = 31000; // saved 30 s after the event
            Assert.IsTrue(NewFile(Properties(), events).Save(new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log), queue));

            s_clock.Now = 0;
            s_clock.UtcValid = true;
            EventOutbox timer = NewQueue(events);
            OutboxFile file = NewFile(Properties(), events);
            file.Restore(new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log), timer, 600000);
            Assert.AreEqual(1, file.RestoredEvents);
            // 30 s old at the save, 600 s asleep: 630 s before this boot's restore.
            Assert.AreEqual(TestClock.Epoch - 630000, PendingEvents.Of(timer).UtcMs[0]);

            EventOutbox reset = NewQueue(events);
            file.Restore(new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log), reset, -1);
            Assert.AreEqual(0, file.RestoredEvents);
            Assert.AreEqual(1, file.UntimedDropped);
            Assert.AreEqual(0, reset.Depth);
        }

        [TestMethod]
        public void EventsAloneKeepTheFileAndInFlightOnesAreSaved()
        {
            Start(true);
            EventTable events = Events("door", null);
            EventOutbox queue = NewQueue(events);
            queue.Add(0, true);
            queue.Pump(0, true, new Uplink(new RecordingLink(), new OneNetFirmware.OneNet.OneNetTopics("p", "d"),
                new BatchWriter(), Properties(), 8)); // in flight, no reply
            OutboxFile file = NewFile(Properties(), events);
            Assert.IsTrue(file.Save(new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log), queue));
            Assert.IsNotNull(s_storage.Bytes);
            EventOutbox restored = NewQueue(events);
            Assert.AreEqual(0, file.Restore(new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log), restored, 0));
            Assert.AreEqual(1, restored.Depth);

            Assert.IsTrue(file.Save(new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log), NewQueue(events)));
            Assert.IsNull(s_storage.Bytes); // nothing pending: removed
        }

        [TestMethod]
        public void AFullQueueAndOutboxFitTheBuffer()
        {
            Start(true);
            PropertyTable properties = Properties();
            EventTable events = Events("door", "button");
            Outbox outbox = new Outbox(16, 4096, 10, 16, properties, s_clock, s_log);
            EventOutbox queue = NewQueue(events);
            for (int i = 0; i < 40; i++)
            {
                s_clock.Now += 1000;
                outbox.Add(0, i);
                queue.Add(i % 2, i % 3 == 0);
            }
            OutboxFile file = NewFile(properties, events);
            Assert.IsTrue(file.Save(outbox, queue));
            Assert.AreEqual(OutboxFile.MaxBytes(properties, 16, events.Identifiers, Capacity), s_storage.Bytes.Length);
            EventOutbox restored = NewQueue(events);
            Assert.AreEqual(16, file.Restore(new Outbox(16, 4096, 10, 16, properties, s_clock, s_log), restored, 0));
            Assert.AreEqual(Capacity, restored.Depth);
        }

        [TestMethod]
        public void AVersion1FileOfAnOlderFirmwareIsStillRead()
        {
            Start(true);
            // 'O' 'B' 1, one name, one reading: "temp" = 21.5 at UTC 1780000001000, then the CRC.
            byte[] b = new byte[OutboxFile.HeaderBytes + 5 + OutboxFile.ReadingBytes + OutboxFile.ChecksumBytes];
            b[0] = (byte)'O';
            b[1] = (byte)'B';
            b[2] = 1;
            b[3] = 1;
            b[5] = 1;
            b[9] = 4;
            b[10] = (byte)'t';
            b[11] = (byte)'e';
            b[12] = (byte)'m';
            b[13] = (byte)'p';
            int at = 14; // name index 0 (two zero bytes), then the flags
            b[at + 2] = 1;
            Put(b, at + 3, System.BitConverter.DoubleToInt64Bits(21.5));
            Put(b, at + 11, 1780000001000);
            Recrc(b);
            s_storage.Bytes = b;
            EventTable events = Events("door", null);
            Outbox outbox = new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log);
            EventOutbox queue = NewQueue(events);
            OutboxFile file = NewFile(Properties(), events);
            Assert.AreEqual(1, file.Restore(outbox, queue, 600000));
            Assert.AreEqual(0, file.RestoredEvents);
            Assert.AreEqual(21.5, PendingList.Of(outbox).Value[0]);
            Assert.AreEqual(1780000001000, PendingList.Of(outbox).UtcMs[0]);
            Assert.AreEqual(0, s_log.Warnings);
        }

        [TestMethod]
        public void AnEventCountBeyondTheFileIsIgnoredWithAWarning()
        {
            SaveReadingAndTwoEvents();
            byte[] b = s_storage.Bytes;
            int eventCountAt = OutboxFile.HeaderBytes + 5 + OutboxFile.ReadingBytes + 2;
            b[eventCountAt] = 3;
            Recrc(b);
            EventTable events = Events("door", "button");
            EventOutbox queue = NewQueue(events);
            Outbox outbox = new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log);
            Assert.AreEqual(0, NewFile(Properties(), events).Restore(outbox, queue, 600000));
            Assert.AreEqual(0, queue.Depth);
            Assert.AreEqual(0, outbox.Depth);
            Assert.AreEqual(1, s_log.Warnings);
        }

        [TestMethod]
        public void AHugeEventNameCountIsIgnoredWithAWarning()
        {
            SaveReadingAndTwoEvents();
            byte[] b = s_storage.Bytes;
            int eventNamesAt = OutboxFile.HeaderBytes + 5 + OutboxFile.ReadingBytes;
            b[eventNamesAt] = 0xFF;
            b[eventNamesAt + 1] = 0xFF;
            Recrc(b);
            EventTable events = Events("door", "button");
            EventOutbox queue = NewQueue(events);
            Outbox outbox = new Outbox(16, 4096, 10, 16, Properties(), s_clock, s_log);
            Assert.AreEqual(0, NewFile(Properties(), events).Restore(outbox, queue, 600000));
            Assert.AreEqual(0, queue.Depth);
            Assert.AreEqual(1, s_log.Warnings);
        }

        // A valid checksum over a deliberately altered file, so the layout checks behind it are what is tested.
        private static void Recrc(byte[] b)
        {
            uint crc = Crc32.Compute(b, 0, b.Length - 4);
            for (int i = 0; i < 4; i++)
            {
                b[b.Length - 4 + i] = (byte)(crc >> (8 * i));
            }
        }

        private static void Put(byte[] b, int offset, long value)
        {
            for (int i = 0; i < 8; i++)
            {
                b[offset + i] = (byte)(value >> (8 * i));
            }
        }
    }
}
