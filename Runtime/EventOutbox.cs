using OneNetFirmware.OneNet;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The input events (contact/motion/button changes) waiting for OneNET's reply: a small preallocated ring, oldest
    /// first. Each event goes out alone in one thing/event/post (OneNET allows one point per identifier in a post),
    /// paced with every other uplink, with the time it happened (UTC, or derived from the monotonic time once the clock
    /// is set, as for readings). It is done when the …/event/post/reply with code 200 arrives for its post id; no reply
    /// within the timeout or a new session → sent again; a non-200 reply → logged, counted and dropped. When full, the
    /// oldest event is dropped and counted. The slot bookkeeping is the shared PendingSlots engine (docs/architecture.md
    /// "Pending engine"); this class keeps the events and writes their posts. Used by the main loop only; allocates
    /// nothing per event.
    /// </summary>
    public sealed class EventOutbox
    {
        private readonly EventTable _events;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly PendingSlots _slots;
        private readonly short[] _event;
        private readonly bool[] _value;

        public EventOutbox(int capacity, int replyTimeoutSeconds, EventTable events, IClock clock, ILog log)
        {
            _events = events;
            _clock = clock;
            _log = log;
            _slots = new PendingSlots(capacity, replyTimeoutSeconds, clock);
            _event = new short[capacity];
            _value = new bool[capacity];
        }

        public EventTable Events { get { return _events; } }

        public int Capacity { get { return _slots.Capacity; } }

        /// <summary>Events not yet acknowledged.</summary>
        public int Depth { get { return _slots.Depth; } }

        /// <summary>Events the inputs raised.</summary>
        public int Raised { get; private set; }

        /// <summary>event/post messages published (resends included).</summary>
        public int Posted { get; private set; }

        /// <summary>Events OneNET acknowledged with code 200.</summary>
        public int Acknowledged { get { return _slots.Acknowledged; } }

        /// <summary>Events dropped because the queue was full (the oldest go first).</summary>
        public int Dropped { get { return _slots.Dropped; } }

        /// <summary>Events OneNET answered with a non-200 code (dropped, never retried).</summary>
        public int Rejected { get { return _slots.Rejected; } }

        /// <summary>Queues an event that happened now: the event's index in the EventTable and its parameter's value.</summary>
        public void Add(int eventIndex, bool value)
        {
            if (eventIndex < 0 || eventIndex >= _events.Count || _slots.Capacity == 0)
            {
                return;
            }
            Raised++;
            long now = _clock.NowMilliseconds;
            Append(eventIndex, value, now, ReadingTime.UtcAt(_clock, now));
        }

        /// <summary>
        /// Battery mode: puts back an event saved before a deep sleep (waiting to be posted). hasUtc false: monoMs is
        /// when it happened on this boot's monotonic clock (before boot: negative is fine), and its UTC time is derived
        /// once the clock is valid. Call in time order, oldest first; not counted as Raised.
        /// </summary>
        public void Restore(int eventIndex, bool value, bool hasUtc, long utcMs, long monoMs)
        {
            if (eventIndex < 0 || eventIndex >= _events.Count || _slots.Capacity == 0)
            {
                return;
            }
            Append(eventIndex, value, monoMs, hasUtc ? utcMs : ReadingTime.None);
        }

        /// <summary>
        /// Hands every unacknowledged event to visitor, oldest first (waiting and in flight alike: a post without its
        /// reply is not done). An event seen before the clock was valid gets its UTC time now if the clock is valid.
        /// </summary>
        public void ForEachPending(IEventVisitor visitor)
        {
            for (int n = 0; n < _slots.Count; n++)
            {
                int slot = _slots.At(n);
                if (_slots.State(slot) != PendingSlots.Done)
                {
                    bool hasUtc = _slots.Utc(slot) != ReadingTime.None;
                    visitor.VisitEvent(_event[slot], _value[slot], hasUtc, _slots.TimeMs(slot));
                }
            }
        }

        // Appends at the newest slot; when full, the oldest event goes (counted when it was still unacknowledged).
        private void Append(int eventIndex, bool value, long monoMs, long utcMs)
        {
            if (_slots.Full)
            {
                _slots.DropOldest();
            }
            int slot = _slots.Append(monoMs, utcMs, PendingSlots.Waiting);
            _event[slot] = (short)eventIndex;
            _value[slot] = value;
        }

        /// <summary>A new session started: posts in flight in the old one will get no reply, so they are sent again.</summary>
        public void OnSessionStarted()
        {
            _slots.OnSessionStarted();
        }

        /// <summary>PendingSlots.IsStalled: event posts unanswered for StallReplyTimeouts reply timeouts.</summary>
        public bool IsStalled(long nowMs)
        {
            return _slots.IsStalled(nowMs);
        }

        /// <summary>
        /// Sends the oldest waiting event through the uplink when online and the pacer allows; true when it published.
        /// Also turns posts whose reply is overdue back into waiting ones.
        /// </summary>
        public bool Pump(long nowMs, bool online, Uplink uplink)
        {
            _slots.ExpireReplies(nowMs);
            int slot = -1;
            for (int n = 0; n < _slots.Count && slot < 0; n++)
            {
                if (_slots.State(_slots.At(n)) == PendingSlots.Waiting)
                {
                    slot = _slots.At(n);
                }
            }
            if (slot < 0 || !online || !uplink.CanSend(nowMs))
            {
                return false;
            }
            int id = uplink.NextId();
            int length = uplink.Writer.WriteEventPost(uplink.Buffer, id, _events, _event[slot], _value[slot],
                _slots.Utc(slot));
            if (length < 0)
            {
                LogEventTooLarge();
                _slots.Release(slot);
                _slots.Compact();
                _slots.CountDropped();
                return false;
            }
            bool sent = uplink.Publish(uplink.Topics.EventPost, length, nowMs);
            if (sent)
            {
                Posted++;
                _slots.Sent(slot, _slots.BeginPost(id, nowMs));
                _slots.PostWent(nowMs);
            }
            return sent;
        }

        /// <summary>An …/event/post/reply arrived: completes (200) or drops (else) the event of that post; 0 when none matched.</summary>
        public int OnReply(int postId, int code, string msg)
        {
            int matched = _slots.OnReply(postId, code);
            if (matched > 0 && code != ReplyCodes.Success)
            {
                LogRejected(postId, code, msg);
            }
            return matched;
        }

        // Rare paths keep their message text out of the hot methods: a literal allocates at each use on the device
        // (docs/performance.md); the IL scan lists these as cold.
        private void LogRejected(int postId, int code, string msg)
        {
            _log.Warn("OneNET rejected event '" + _events.Identifier(_event[_slots.MatchedSlot]) + "' (post "
                + postId.ToString() + "): code " + code.ToString() + " " + (msg == null ? "" : msg));
        }

        private void LogEventTooLarge()
        {
            _log.Error("events: an event does not fit the payload buffer; dropped");
        }
    }
}
