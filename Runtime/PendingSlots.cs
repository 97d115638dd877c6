using OneNetFirmware.OneNet;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The one pending-slot engine behind Outbox and EventOutbox (docs/architecture.md "Pending engine"): a preallocated
    /// ring of slots, each with one byte (its state, whether its time is still monotonic, and the post it went out in)
    /// and one time (UTC once known, else the monotonic time it was taken, turned into UTC once the clock is valid). A
    /// post's id and send time are kept once per post in a small table (RuntimeDefaults.PostsAwaitingReply), not per
    /// slot: 9 bytes per slot instead of 29, the difference between a 512-reading outbox of 10 KB and one of 21 KB
    /// (docs/performance.md "Heap held per feature").
    /// The owner keeps its payload (property and value, event and value) in its own arrays at the same slot index and
    /// decides what to send; this class keeps the bookkeeping the two share: one reply rule (200 = done, anything else =
    /// logged by the owner, counted as Rejected and dropped, never retried), one reply timeout checked on one cadence (an
    /// overdue post goes back to Waiting and is sent again), a new session resends what was in flight, and stall
    /// detection (RuntimeDefaults.StallReplyTimeouts). Main loop only; allocates nothing after construction.
    /// </summary>
    public sealed class PendingSlots
    {
        /// <summary>Free: acknowledged, rejected or dropped.</summary>
        public const byte Done = 0;
        /// <summary>Outbox only: sampled since the last report, waits for the next property/post.</summary>
        public const byte Fresh = 1;
        /// <summary>Waits to be sent (back-fill, a restored entry, or a post whose reply did not come).</summary>
        public const byte Waiting = 2;
        /// <summary>Sent; waits for its reply until the reply timeout.</summary>
        public const byte InFlight = 3;

        // A slot's byte: the state in bits 0-1, bit 2 while its time is still monotonic, and in bits 3-7 the post it went
        // out in (1 + its index in the post table; 0 = none), so at most 31 posts await a reply (PostsAwaitingReply).
        private const int StateBits = 0x03;
        private const int MonotonicTime = 0x04;
        private const int PostShift = 3;

        private readonly IClock _clock;
        private readonly long _replyTimeoutMs;
        private readonly byte[] _slot;
        private readonly long[] _timeMs;
        private readonly int[] _postId;
        private readonly long[] _postSentMs;
        private readonly int[] _postSlots; // slots that refer to each post: 0 = the table entry is free
        private int _head;
        private int _count;
        private int _depth;
        private long _nextExpiryCheckMs;
        private long _unansweredSinceMs = -1;
        private bool _platformReplies;

        public PendingSlots(int capacity, int replyTimeoutSeconds, IClock clock)
        {
            _clock = clock;
            _replyTimeoutMs = replyTimeoutSeconds * 1000L;
            _slot = new byte[capacity];
            _timeMs = new long[capacity];
            _postId = new int[RuntimeDefaults.PostsAwaitingReply];
            _postSentMs = new long[RuntimeDefaults.PostsAwaitingReply];
            _postSlots = new int[RuntimeDefaults.PostsAwaitingReply];
        }

        public int Capacity { get { return _slot.Length; } }

        /// <summary>Ring positions in use, oldest first from At(0) (Done ones inside included).</summary>
        public int Count { get { return _count; } }

        /// <summary>Entries not Done.</summary>
        public int Depth { get { return _depth; } }

        public bool Full { get { return _count == _slot.Length; } }

        /// <summary>Entries OneNET answered with 200.</summary>
        public int Acknowledged { get; private set; }

        /// <summary>Entries OneNET answered with a non-200 code (dropped, never retried).</summary>
        public int Rejected { get; private set; }

        /// <summary>Entries dropped unsent (the ring was full, or one did not fit).</summary>
        public int Dropped { get; private set; }

        /// <summary>The slot of the last entry OnReply completed (valid until that slot is reused).</summary>
        public int MatchedSlot { get; private set; }

        /// <summary>The slot of the n-th ring position, oldest first.</summary>
        public int At(int n)
        {
            return (_head + n) % _slot.Length;
        }

        public byte State(int slot)
        {
            return (byte)(_slot[slot] & StateBits);
        }

        /// <summary>Fresh, Waiting or InFlight (an entry is made Done with Release, which also leaves its post).</summary>
        public void SetState(int slot, byte state)
        {
            _slot[slot] = (byte)((_slot[slot] & ~StateBits) | state);
        }

        /// <summary>The post table entry of post postId while its reply is awaited (for InPost), else -1.</summary>
        public int AwaitedPost(int postId)
        {
            for (int p = 0; postId != 0 && p < _postSlots.Length; p++)
            {
                if (_postSlots[p] != 0 && _postId[p] == postId)
                {
                    return p;
                }
            }
            return -1;
        }

        /// <summary>True when slot went out in the awaited post (AwaitedPost) and waits for its reply or its resend.</summary>
        public bool InPost(int slot, int post)
        {
            return _slot[slot] >> PostShift == post + 1;
        }

        /// <summary>
        /// The entry's UTC time, derived (and kept) once the clock is valid if it was taken before; else None.
        /// </summary>
        public long Utc(int slot)
        {
            if ((_slot[slot] & MonotonicTime) == 0)
            {
                return _timeMs[slot];
            }
            long utc = ReadingTime.UtcAt(_clock, _timeMs[slot]);
            if (utc != ReadingTime.None)
            {
                _timeMs[slot] = utc;
                _slot[slot] = (byte)(_slot[slot] & ~MonotonicTime);
            }
            return utc;
        }

        /// <summary>
        /// The entry's time after Utc(slot): its UTC time when that is not None, else the monotonic time it was taken at
        /// (meaningful within this boot only).
        /// </summary>
        public long TimeMs(int slot)
        {
            return _timeMs[slot];
        }

        /// <summary>Takes the next ring position for an entry taken at monoMs (utcMs: ReadingTime.None if unknown). Not when Full.</summary>
        public int Append(long monoMs, long utcMs, byte state)
        {
            int slot = At(_count);
            _count++;
            bool monotonic = utcMs == ReadingTime.None;
            _slot[slot] = (byte)(monotonic ? state | MonotonicTime : state); // and no post
            _timeMs[slot] = monotonic ? monoMs : utcMs;
            _depth++;
            return slot;
        }

        /// <summary>Frees the oldest ring position; true (and counted as Dropped) when it still held an entry.</summary>
        public bool DropOldest()
        {
            bool pending = State(_head) != Done;
            if (pending)
            {
                Dropped++;
                Release(_head);
            }
            _head = (_head + 1) % _slot.Length;
            _count--;
            return pending;
        }

        /// <summary>Counts an entry dropped before it got a slot (or after, when it could never be sent).</summary>
        public void CountDropped()
        {
            Dropped++;
        }

        /// <summary>Marks slot Done (call Compact once a walk over the ring is over).</summary>
        public void Release(int slot)
        {
            int post = (_slot[slot] >> PostShift) - 1;
            if (post >= 0)
            {
                _postSlots[post]--;
            }
            _slot[slot] = Done;
            _depth--;
        }

        /// <summary>Frees the Done positions at the oldest end.</summary>
        public void Compact()
        {
            while (_count > 0 && _slot[_head] == Done)
            {
                _head = (_head + 1) % _slot.Length;
                _count--;
            }
        }

        /// <summary>Every entry in state from is set to state to (Fresh, Waiting or InFlight; never Done: see Release).</summary>
        public void Move(byte from, byte to)
        {
            // The ring walks of this class step the slot by hand: no call and no division per slot on the interpreter.
            int slot = _head;
            for (int n = 0; n < _count; n++)
            {
                int b = _slot[slot];
                if ((b & StateBits) == from)
                {
                    _slot[slot] = (byte)((b & ~StateBits) | to);
                }
                if (++slot == _slot.Length) slot = 0;
            }
        }

        /// <summary>
        /// A post with id postId goes out at nowMs: returns its entry in the post table for Sent. When every entry still
        /// waits for a reply (replies slower than RuntimeDefaults.PostsAwaitingReply posts), the oldest post is given up
        /// on: its slots wait to be sent again and a late reply to it matches nothing (at-least-once, never wedged).
        /// </summary>
        public int BeginPost(int postId, long nowMs)
        {
            int post = 0;
            for (int p = 0; p < _postSlots.Length; p++)
            {
                if (_postSlots[p] == 0)
                {
                    post = p;
                    break;
                }
                if (_postSentMs[p] < _postSentMs[post])
                {
                    post = p;
                }
            }
            if (_postSlots[post] != 0)
            {
                ForgetPost(post);
            }
            _postId[post] = postId;
            _postSentMs[post] = nowMs;
            return post;
        }

        /// <summary>slot went out in the post BeginPost returned: it waits for the reply (no longer for an earlier post's).</summary>
        public void Sent(int slot, int post)
        {
            int b = _slot[slot];
            int earlier = (b >> PostShift) - 1;
            if (earlier >= 0)
            {
                _postSlots[earlier]--;
            }
            _slot[slot] = (byte)((b & MonotonicTime) | InFlight | ((post + 1) << PostShift));
            _postSlots[post]++;
        }

        /// <summary>A post left: the stall clock runs from the first post that has no reply yet.</summary>
        public void PostWent(long nowMs)
        {
            if (_unansweredSinceMs < 0)
            {
                _unansweredSinceMs = nowMs;
            }
        }

        /// <summary>
        /// Posts whose reply is overdue go back to Waiting (sent again). Checked once per ExpiryCheckMilliseconds: exact
        /// enough for a timeout of seconds and cheap for the main loop.
        /// </summary>
        public void ExpireReplies(long nowMs)
        {
            if (nowMs < _nextExpiryCheckMs)
            {
                return;
            }
            _nextExpiryCheckMs = nowMs + RuntimeDefaults.ExpiryCheckMilliseconds;
            if (_count > _postSlots.Length && !AnyPostOverdue(nowMs))
            {
                return; // a long ring (a backlog) is walked only when one of its posts is overdue
            }
            int slot = _head;
            for (int n = 0; n < _count; n++)
            {
                int b = _slot[slot];
                if ((b & StateBits) == InFlight && nowMs - _postSentMs[(b >> PostShift) - 1] >= _replyTimeoutMs)
                {
                    // Keep the post: a slow reply that still comes before the resend completes the entry.
                    _slot[slot] = (byte)((b & ~StateBits) | Waiting);
                }
                if (++slot == _slot.Length) slot = 0;
            }
        }

        private bool AnyPostOverdue(long nowMs)
        {
            for (int p = 0; p < _postSlots.Length; p++)
            {
                if (_postSlots[p] != 0 && nowMs - _postSentMs[p] >= _replyTimeoutMs)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>A new session: posts of the old one get no reply, so what was in flight is sent again.</summary>
        public void OnSessionStarted()
        {
            Move(InFlight, Waiting);
            for (int p = 0; p < _postSlots.Length; p++)
            {
                if (_postSlots[p] != 0)
                {
                    ForgetPost(p);
                }
            }
            _unansweredSinceMs = -1;
        }

        /// <summary>
        /// A reply to post postId: every entry sent in it is done (200: Acknowledged; else Rejected, never retried).
        /// Returns how many matched (MatchedSlot is the last); any reply shows the session carries traffic both ways.
        /// </summary>
        public int OnReply(int postId, int code)
        {
            return Complete(AwaitedPost(postId), code);
        }

        /// <summary>OnReply for the post table entry AwaitedPost gave (-1: a reply that matches nothing).</summary>
        public int Complete(int post, int code)
        {
            _platformReplies = true;
            _unansweredSinceMs = -1;
            int matched = 0;
            if (post >= 0)
            {
                int tag = post + 1;
                int slot = _head;
                for (int n = 0; n < _count; n++)
                {
                    if (_slot[slot] >> PostShift == tag)
                    {
                        _slot[slot] = Done;
                        MatchedSlot = slot;
                        matched++;
                    }
                    if (++slot == _slot.Length) slot = 0;
                }
                _depth -= matched;
                _postSlots[post] = 0; // every slot that went out in it is done
            }
            if (code == ReplyCodes.Success)
            {
                Acknowledged += matched;
            }
            else
            {
                Rejected += matched;
            }
            Compact();
            return matched;
        }

        /// <summary>
        /// True when posts went out StallReplyTimeouts reply timeouts ago and nothing has answered since. Only once the
        /// platform has answered at least once: a plain broker without OneNET's replies never looks stalled.
        /// </summary>
        public bool IsStalled(long nowMs)
        {
            return _platformReplies && _unansweredSinceMs >= 0
                && nowMs - _unansweredSinceMs >= RuntimeDefaults.StallReplyTimeouts * _replyTimeoutMs;
        }

        // Frees a post table entry: its slots wait to be sent again and no reply matches them until then.
        private void ForgetPost(int post)
        {
            int tag = post + 1;
            int slot = _head;
            for (int n = 0; n < _count; n++)
            {
                int b = _slot[slot];
                if (b >> PostShift == tag)
                {
                    int state = b & StateBits;
                    _slot[slot] = (byte)((b & MonotonicTime) | (state == InFlight ? Waiting : state));
                }
                if (++slot == _slot.Length) slot = 0;
            }
            _postSlots[post] = 0;
        }
    }
}
