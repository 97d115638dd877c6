using nanoFramework.TestFramework;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;

namespace NFUnitTest.Runtime
{
    /// <summary>
    /// The one pending-slot engine behind both outboxes (docs/architecture.md "Pending engine"): the reply rule, the
    /// timeout and its cadence, a new session, the ring when full, UTC derived once the clock is valid, and stalls.
    /// </summary>
    [TestClass]
    public class PendingSlotsTests
    {
        private static TestClock s_clock;

        private static PendingSlots Make(int capacity)
        {
            s_clock = new TestClock();
            return new PendingSlots(capacity, 10, s_clock);
        }

        [TestMethod]
        public void A200CompletesEveryEntryOfThePostAndAnythingElseRejectsThemForGood()
        {
            PendingSlots slots = Make(4);
            int a = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            int b = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            int c = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            int post7 = slots.BeginPost(7, 0);
            slots.Sent(a, post7);
            slots.Sent(b, post7);
            slots.Sent(c, slots.BeginPost(8, 0));
            Assert.AreEqual(2, slots.OnReply(7, ReplyCodes.Success));
            Assert.AreEqual(2, slots.Acknowledged);
            Assert.AreEqual(1, slots.OnReply(8, ReplyCodes.WrongType));
            Assert.AreEqual(1, slots.Rejected);
            Assert.AreEqual(c, slots.MatchedSlot);
            Assert.AreEqual(0, slots.Depth);
            Assert.AreEqual(0, slots.Count);
            Assert.AreEqual(0, slots.OnReply(8, ReplyCodes.Success)); // a repeated reply finds nothing
        }

        [TestMethod]
        public void AnOverdueReplyMakesTheEntryWaitAgainCheckedOncePerSecondAndALateReplyStillCompletesIt()
        {
            PendingSlots slots = Make(2);
            int a = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            slots.Sent(a, slots.BeginPost(3, 500));
            slots.ExpireReplies(500);
            slots.ExpireReplies(10499);
            Assert.AreEqual(PendingSlots.InFlight, slots.State(a));
            slots.ExpireReplies(10500); // due, but the last look was less than a second ago
            Assert.AreEqual(PendingSlots.InFlight, slots.State(a));
            slots.ExpireReplies(11499);
            Assert.AreEqual(PendingSlots.Waiting, slots.State(a));
            Assert.AreEqual(1, slots.OnReply(3, ReplyCodes.Success));
        }

        [TestMethod]
        public void ANewSessionSendsWhatWasInFlightAgain()
        {
            PendingSlots slots = Make(2);
            int a = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            int b = slots.Append(0, ReadingTime.None, PendingSlots.Fresh);
            slots.Sent(a, slots.BeginPost(1, 0));
            slots.OnSessionStarted();
            Assert.AreEqual(PendingSlots.Waiting, slots.State(a));
            Assert.AreEqual(PendingSlots.Fresh, slots.State(b));
            Assert.AreEqual(0, slots.OnReply(1, ReplyCodes.Success)); // the old session's post is not awaited any more
        }

        [TestMethod]
        public void WhenFullTheOldestPendingEntryIsDroppedAndCounted()
        {
            PendingSlots slots = Make(2);
            int a = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            Assert.IsTrue(slots.Full);
            Assert.IsTrue(slots.DropOldest());
            Assert.AreEqual(1, slots.Dropped);
            Assert.AreEqual(a, slots.Append(0, ReadingTime.None, PendingSlots.Waiting)); // the ring reuses the slot
            Assert.AreEqual(2, slots.Depth);
        }

        [TestMethod]
        public void AnEntryTakenBeforeTheClockWasSetGetsItsUtcTimeOnceItIs()
        {
            PendingSlots slots = Make(1);
            s_clock.UtcValid = false;
            s_clock.Now = 1000;
            int a = slots.Append(1000, ReadingTime.None, PendingSlots.Waiting);
            Assert.AreEqual(ReadingTime.None, slots.Utc(a));
            s_clock.UtcValid = true;
            s_clock.Now = 5000;
            Assert.AreEqual(TestClock.Epoch + 1000, slots.Utc(a));
            Assert.AreEqual(TestClock.Epoch + 1000, slots.TimeMs(a)); // kept: the slot holds one time
            s_clock.UtcValid = false;
            Assert.AreEqual(TestClock.Epoch + 1000, slots.Utc(a));
        }

        [TestMethod]
        public void AnEntryTakenWithTheClockSetKeepsItsUtcTimeAndItsStateAcrossChanges()
        {
            PendingSlots slots = Make(2);
            int a = slots.Append(1000, TestClock.Epoch + 7, PendingSlots.Fresh);
            int b = slots.Append(2000, ReadingTime.None, PendingSlots.Fresh);
            slots.SetState(a, PendingSlots.Waiting);
            slots.SetState(b, PendingSlots.Waiting);
            Assert.AreEqual(PendingSlots.Waiting, slots.State(a));
            Assert.AreEqual(PendingSlots.Waiting, slots.State(b));
            Assert.AreEqual(TestClock.Epoch + 7, slots.Utc(a));
            s_clock.UtcValid = false;
            Assert.AreEqual(ReadingTime.None, slots.Utc(b));
            Assert.AreEqual(2000, slots.TimeMs(b)); // still the monotonic time it was taken at
        }

        [TestMethod]
        public void ARetriedEntryLeavesItsOldPostSoAReplyToThatPostNoLongerCompletesIt()
        {
            PendingSlots slots = Make(2);
            int a = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            int b = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            int first = slots.BeginPost(5, 0);
            slots.Sent(a, first);
            slots.Sent(b, first);
            slots.Sent(a, slots.BeginPost(6, 1000)); // a alone is sent again
            Assert.AreEqual(1, slots.OnReply(5, ReplyCodes.Success));
            Assert.AreEqual(b, slots.MatchedSlot);
            Assert.AreEqual(1, slots.OnReply(6, ReplyCodes.Success));
            Assert.AreEqual(a, slots.MatchedSlot);
            Assert.AreEqual(0, slots.Depth);
        }

        [TestMethod]
        public void WhenMorePostsAwaitRepliesThanTheTableHoldsTheOldestIsSentAgainNeverWedged()
        {
            Assert.IsTrue(RuntimeDefaults.PostsAwaitingReply <= 31); // a slot names its post in 5 bits
            int posts = RuntimeDefaults.PostsAwaitingReply;
            PendingSlots slots = Make(posts + 1);
            for (int i = 0; i <= posts; i++)
            {
                int slot = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
                slots.Sent(slot, slots.BeginPost(100 + i, i)); // one more post than the table holds
            }
            Assert.AreEqual(PendingSlots.Waiting, slots.State(slots.At(0))); // the oldest post was given up on
            Assert.AreEqual(0, slots.OnReply(100, ReplyCodes.Success)); // and its late reply matches nothing
            for (int i = 1; i <= posts; i++)
            {
                Assert.AreEqual(1, slots.OnReply(100 + i, ReplyCodes.Success));
            }
            Assert.AreEqual(1, slots.Depth);
            int again = slots.BeginPost(200, 50);
            slots.Sent(slots.At(0), again);
            Assert.AreEqual(1, slots.OnReply(200, ReplyCodes.Success));
            Assert.AreEqual(0, slots.Depth);
        }

        [TestMethod]
        public void PostsUnansweredForThreeReplyTimeoutsAreAStallOnlyAfterThePlatformAnsweredOnce()
        {
            PendingSlots slots = Make(2);
            int a = slots.Append(0, ReadingTime.None, PendingSlots.Waiting);
            slots.Sent(a, slots.BeginPost(1, 0));
            slots.PostWent(0);
            Assert.IsFalse(slots.IsStalled(RuntimeDefaults.StallReplyTimeouts * 10000)); // a plain broker never stalls
            slots.OnReply(99, ReplyCodes.Success); // any reply: the platform answers
            slots.PostWent(1000);
            Assert.IsFalse(slots.IsStalled(1000 + RuntimeDefaults.StallReplyTimeouts * 10000 - 1));
            Assert.IsTrue(slots.IsStalled(1000 + RuntimeDefaults.StallReplyTimeouts * 10000));
            slots.OnSessionStarted();
            Assert.IsFalse(slots.IsStalled(1000 + RuntimeDefaults.StallReplyTimeouts * 10000));
        }
    }
}
