using OneNetFirmware.OneNet;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The one pending-slot engine behind Outbox and EventOutbox (docs/architecture.md "Pending engine"): a preallocated
    /// ring of slots, each with its state, the time it was taken (monotonic, and UTC or ReadingTime.None until the clock
    /// is valid), and the post it went out in. The owner keeps its payload (property and value, event and value) in its
    /// own arrays at the same slot index and decides what to send; this class keeps the bookkeeping the two share:
    /// one reply rule (200 = done, anything else = logged by the owner, counted as Rejected and dropped, never retried),
    /// one reply timeout checked on one cadence (an overdue post goes back to Waiting and is sent again), a new session
    /// resends what was in flight, and stall detection (RuntimeDefaults.StallReplyTimeouts). Main loop only; allocates
    /// nothing after construction.
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

        private readonly IClock _clock;
        private readonly long _replyTimeoutMs;
        private readonly byte[] _state;
        private readonly int[] _postId;
        private readonly long[] _sentMs;
        private readonly long[] _monoMs;
        private readonly long[] _utcMs;
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
            _state = new byte[capacity];
            _postId = new int[capacity];
            _sentMs = new long[capacity];
            _monoMs = new long[capacity];
            _utcMs = new long[capacity];
        }

        public int Capacity { get { return _state.Length; } }

        /// <summary>Ring positions in use, oldest first from At(0) (Done ones inside included).</summary>
        public int Count { get { return _count; } }

        /// <summary>Entries not Done.</summary>
        public int Depth { get { return _depth; } }

        public bool Full { get { return _count == _state.Length; } }

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
            return (_head + n) % _state.Length;
        }

        public byte State(int slot)
        {
            return _state[slot];
        }

        public void SetState(int slot, byte state)
        {
            _state[slot] = state;
        }

        /// <summary>True when slot went out in post postId and waits for its reply (or for its resend).</summary>
        public bool IsFromPost(int slot, int postId)
        {
            byte state = _state[slot];
            return (state == Waiting || state == InFlight) && postId != 0 && _postId[slot] == postId;
        }

        public long MonoMs(int slot)
        {
            return _monoMs[slot];
        }

        /// <summary>The entry's UTC time, derived (and kept) once the clock is valid if it was taken before; else None.</summary>
        public long Utc(int slot)
        {
            if (_utcMs[slot] == ReadingTime.None)
            {
                _utcMs[slot] = ReadingTime.UtcAt(_clock, _monoMs[slot]);
            }
            return _utcMs[slot];
        }

        /// <summary>Takes the next ring position for an entry taken at monoMs (utcMs: ReadingTime.None if unknown). Not when Full.</summary>
        public int Append(long monoMs, long utcMs, byte state)
        {
            int slot = At(_count);
            _count++;
            _state[slot] = state;
            _postId[slot] = 0;
            _monoMs[slot] = monoMs;
            _utcMs[slot] = utcMs;
            _depth++;
            return slot;
        }

        /// <summary>Frees the oldest ring position; true (and counted as Dropped) when it still held an entry.</summary>
        public bool DropOldest()
        {
            bool pending = _state[_head] != Done;
            if (pending)
            {
                Dropped++;
                _state[_head] = Done;
                _depth--;
            }
            _head = (_head + 1) % _state.Length;
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
            _state[slot] = Done;
            _depth--;
        }

        /// <summary>Frees the Done positions at the oldest end.</summary>
        public void Compact()
        {
            while (_count > 0 && _state[_head] == Done)
            {
                _head = (_head + 1) % _state.Length;
                _count--;
            }
        }

        /// <summary>Every entry in state from is set to state to.</summary>
        public void Move(byte from, byte to)
        {
            for (int n = 0; n < _count; n++)
            {
                int slot = At(n);
                if (_state[slot] == from)
                {
                    _state[slot] = to;
                }
            }
        }

        /// <summary>slot went out in post postId at nowMs: it waits for the reply.</summary>
        public void Sent(int slot, int postId, long nowMs)
        {
            _state[slot] = InFlight;
            _postId[slot] = postId;
            _sentMs[slot] = nowMs;
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
            for (int n = 0; n < _count; n++)
            {
                int slot = At(n);
                if (_state[slot] == InFlight && nowMs - _sentMs[slot] >= _replyTimeoutMs)
                {
                    // Keep the post id: a slow reply that still comes before the resend completes the entry.
                    _state[slot] = Waiting;
                }
            }
        }

        /// <summary>A new session: posts in flight in the old one get no reply, so they are sent again.</summary>
        public void OnSessionStarted()
        {
            Move(InFlight, Waiting);
            _unansweredSinceMs = -1;
        }

        /// <summary>
        /// A reply to post postId: every entry sent in it is done (200: Acknowledged; else Rejected, never retried).
        /// Returns how many matched (MatchedSlot is the last); any reply shows the session carries traffic both ways.
        /// </summary>
        public int OnReply(int postId, int code)
        {
            _platformReplies = true;
            _unansweredSinceMs = -1;
            int matched = 0;
            for (int n = 0; n < _count; n++)
            {
                int slot = At(n);
                if (IsFromPost(slot, postId))
                {
                    Release(slot);
                    MatchedSlot = slot;
                    matched++;
                }
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
    }
}
