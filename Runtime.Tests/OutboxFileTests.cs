using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    /// <summary>Battery mode's outbox file: round trip, identifiers by name, untimed readings, and bad files ignored.</summary>
    [TestClass]
    public class OutboxFileTests
    {
        private const int Capacity = 16;
        private static TestClock s_clock;
        private static NullLog s_log;
        private static ByteStorage s_storage;

        private static PropertyTable Table(string first, string second)
        {
            var table = new PropertyTable(4);
            table.Add(first, PropertyKind.Number, 1);
            if (second != null)
            {
                table.Add(second, PropertyKind.Number, 1);
            }
            return table;
        }

        private static Outbox NewOutbox(PropertyTable table)
        {
            return new Outbox(Capacity, 4096, 10, 16, table, s_clock, s_log);
        }

        private static OutboxFile NewFile(PropertyTable table)
        {
            return new OutboxFile(s_storage, table, Capacity, s_clock, s_log);
        }

        /// <summary>Saves temp=20.5 at t=1000 and hum=55 at t=2000 (clock valid) from a fresh outbox.</summary>
        private static void SaveTwoReadings()
        {
            s_clock = new TestClock();
            s_log = new NullLog();
            s_storage = new ByteStorage();
            PropertyTable table = Table("temp", "hum");
            Outbox outbox = NewOutbox(table);
            s_clock.Now = 1000;
            outbox.Add(0, 20.5);
            s_clock.Now = 2000;
            outbox.Add(1, 55);
            Assert.IsTrue(NewFile(table).Save(outbox));
        }

        /// <summary>Saves temp=7 taken at t=1000 with no valid clock, 30 s later (still no valid clock).</summary>
        private static PropertyTable SaveOneUntimedReading()
        {
            s_clock = new TestClock();
            s_clock.UtcValid = false;
            s_log = new NullLog();
            s_storage = new ByteStorage();
            PropertyTable table = Table("temp", null);
            Outbox outbox = NewOutbox(table);
            s_clock.Now = 1000;
            outbox.Add(0, 7);
            s_clock.Now = 31000;
            Assert.IsTrue(NewFile(table).Save(outbox));
            return table;
        }

        [TestMethod]
        public void Crc32MatchesTheStandardCheckValue()
        {
            byte[] data = new byte[] { (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9' };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void ReadingsComeBackInOrderWithTheirValuesAndUtcTimes()
        {
            SaveTwoReadings();
            Assert.AreEqual(OutboxFile.HeaderBytes + 5 + 4 + 2 * OutboxFile.ReadingBytes + OutboxFile.EventHeaderBytes
                + OutboxFile.ChecksumBytes, s_storage.Bytes.Length);
            PropertyTable table = Table("temp", "hum");
            Outbox restored = NewOutbox(table);
            s_clock.Now = 0; // a fresh boot

            Assert.AreEqual(2, NewFile(table).Restore(restored, 600000));

            PendingList pending = PendingList.Of(restored);
            Assert.AreEqual(2, pending.Count);
            Assert.AreEqual(0, pending.Property[0]);
            Assert.AreEqual(20.5, pending.Value[0]);
            Assert.AreEqual(TestClock.Epoch + 1000, pending.UtcMs[0]);
            Assert.AreEqual(1, pending.Property[1]);
            Assert.AreEqual(55.0, pending.Value[1]);
            Assert.AreEqual(TestClock.Epoch + 2000, pending.UtcMs[1]);
        }

        [TestMethod]
        public void RestoredReadingsGoOutAsHistoryWithTheirOriginalTime()
        {
            SaveTwoReadings();
            PropertyTable table = Table("temp", "hum");
            Outbox restored = NewOutbox(table);
            NewFile(table).Restore(restored, 600000);
            var writer = new BatchWriter();
            restored.RequestReport();
            restored.Pump(5000, true, new Uplink(new RecordingLink(), new OneNetTopics("P1", "d1"), writer, table, 64));

            Assert.IsTrue(writer.LastHistory);
            Assert.AreEqual(2, writer.LastCount);
            Assert.AreEqual(TestClock.Epoch + 1000, writer.FirstTime);
            Assert.AreEqual(2, restored.OnReply(writer.LastId, 200, "success"));
        }

        [TestMethod]
        public void IdentifiersAreMatchedByNameAndUnknownOnesAreDroppedAndCounted()
        {
            SaveTwoReadings();
            PropertyTable table = Table("hum", null); // the configuration changed: temp is gone, hum moved to index 0
            Outbox restored = NewOutbox(table);
            OutboxFile file = NewFile(table);

            Assert.AreEqual(1, file.Restore(restored, 600000));

            Assert.AreEqual(1, file.UnknownDropped);
            PendingList pending = PendingList.Of(restored);
            Assert.AreEqual(0, pending.Property[0]);
            Assert.AreEqual(55.0, pending.Value[0]);
            Assert.AreEqual(1, s_log.Warnings);
        }

        [TestMethod]
        public void AReadingWithoutUtcIsRestoredBeforeTheSleepAndTimedOnceTheClockIsSet()
        {
            PropertyTable table = SaveOneUntimedReading();

            s_clock.Now = 0; // after 600 s of deep sleep the monotonic clock starts again
            Outbox restored = NewOutbox(table);
            NewFile(table).Restore(restored, 600000);
            s_clock.Now = 5000;
            s_clock.UtcValid = true; // SNTP: UTC is now Epoch + 5000, so the reading was taken 635 s earlier

            PendingList pending = PendingList.Of(restored);
            Assert.IsTrue(pending.HasUtc[0]);
            Assert.AreEqual(TestClock.Epoch + 5000 - 635000, pending.UtcMs[0]);
        }

        [TestMethod]
        public void AReadingWithoutUtcIsDroppedWhenTheSleepLengthIsUnknown()
        {
            PropertyTable table = SaveOneUntimedReading();
            Outbox restored = NewOutbox(table);
            OutboxFile file = NewFile(table);

            Assert.AreEqual(0, file.Restore(restored, -1));

            Assert.AreEqual(1, file.UntimedDropped);
            Assert.AreEqual(0, restored.Depth);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(12)]
        [DataRow(30)]
        [DataRow(-1)]
        public void AFlippedByteMakesTheFileIgnoredWithAWarning(int index)
        {
            SaveTwoReadings();
            int at = index < 0 ? s_storage.Bytes.Length - 1 : index;
            s_storage.Bytes[at] ^= 0x10;
            AssertIgnored();
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(4)]
        [DataRow(19)]
        public void ATruncatedFileIsIgnoredWithAWarning(int missing)
        {
            SaveTwoReadings();
            byte[] cut = new byte[s_storage.Bytes.Length - missing];
            System.Array.Copy(s_storage.Bytes, cut, cut.Length);
            s_storage.Bytes = cut;
            AssertIgnored();
        }

        [TestMethod]
        public void AFileOfAnotherVersionIsIgnoredEvenWithAValidChecksum()
        {
            SaveTwoReadings();
            byte[] b = s_storage.Bytes;
            b[2] = 3;
            uint crc = Crc32.Compute(b, 0, b.Length - 4);
            for (int i = 0; i < 4; i++)
            {
                b[b.Length - 4 + i] = (byte)(crc >> (8 * i));
            }
            AssertIgnored();
        }

        [TestMethod]
        public void AnEmptyOrForeignFileIsIgnored()
        {
            SaveTwoReadings();
            s_storage.Bytes = new byte[] { 1, 2, 3 };
            AssertIgnored();
        }

        [TestMethod]
        public void AnEmptyOutboxRemovesTheFile()
        {
            SaveTwoReadings();
            PropertyTable table = Table("temp", "hum");
            Outbox empty = NewOutbox(table);
            Assert.IsTrue(NewFile(table).Save(empty));
            Assert.IsNull(s_storage.Bytes);
            Assert.AreEqual(0, NewFile(table).Restore(NewOutbox(table), 0));
        }

        [TestMethod]
        public void AFullOutboxFitsTheBufferAndTheFileNeverGrowsBeyondIt()
        {
            s_clock = new TestClock();
            s_log = new NullLog();
            s_storage = new ByteStorage();
            PropertyTable table = Table("temp", "hum");
            Outbox outbox = NewOutbox(table);
            for (int i = 0; i < 3 * Capacity; i++)
            {
                s_clock.Now += 1000;
                outbox.Add(i % 2, i);
            }
            OutboxFile file = NewFile(table);
            Assert.IsTrue(file.Save(outbox));
            Assert.AreEqual(OutboxFile.MaxBytes(table, Capacity), s_storage.Bytes.Length);
            Outbox restored = NewOutbox(table);
            Assert.AreEqual(Capacity, file.Restore(restored, 0));
            Assert.AreEqual(Capacity, restored.Depth);
            Assert.AreEqual((double)(2 * Capacity), PendingList.Of(restored).Value[0]);
        }

        private static void AssertIgnored()
        {
            PropertyTable table = Table("temp", "hum");
            Outbox restored = NewOutbox(table);
            int warnings = s_log.Warnings;
            Assert.AreEqual(0, NewFile(table).Restore(restored, 600000));
            Assert.AreEqual(0, restored.Depth);
            Assert.AreEqual(warnings + 1, s_log.Warnings);
        }
    }
}
