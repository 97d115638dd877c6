using OneNetFirmware.OneNet;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The input events (contact/motion/button changes) waiting for OneNET's reply: a small preallocated ring, oldest
    /// first. Each event goes out alone in one thing/event/post (OneNET allows one point per identifier in a post),
    /// paced with every other uplink, with the time it happened (UTC, or derived from the monotonic time once the clock
    /// is set, as for readings). It is done when the …/event/post/reply with code 200 arrives for its post id; no reply
    /// within the timeout or a new session → sent again; a non-200 reply → logged, counted and dropped. When full, the
    /// oldest event is dropped and counted. Used by the main loop only; allocates nothing per event.
    /// </summary>
    public sealed class EventOutbox
    {
        private const byte Done = 0;
        private const byte Waiting = 1;
        private const byte InFlight = 2;

        private readonly EventTable _events;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly int _replyTimeoutMs;
        private readonly int[] _event;
        private readonly bool[] _value;
        private readonly long[] _monoMs;
        private readonly long[] _utcMs;
        private readonly byte[] _state;
        private readonly int[] _postId;
        private readonly long[] _sentMs;
        private int _head;
        private int _slots;
        private int _depth;

        public EventOutbox(int capacity, int replyTimeoutSeconds, EventTable events, IClock clock, ILog log)
        {
            _events = events;
            _clock = clock;
            _log = log;
            _replyTimeoutMs = replyTimeoutSeconds * 1000;
            _event = new int[capacity];
            _value = new bool[capacity];
            _monoMs = new long[capacity];
            _utcMs = new long[capacity];
            _state = new byte[capacity];
            _postId = new int[capacity];
            _sentMs = new long[capacity];
        }

        public EventTable Events { get { return _events; } }

        public int Capacity { get { return _state.Length; } }

        /// <summary>Events not yet acknowledged.</summary>
        public int Depth { get { return _depth; } }

        /// <summary>Events the inputs raised.</summary>
        public int Raised { get; private set; }

        /// <summary>event/post messages published (resends included).</summary>
        public int Posted { get; private set; }

        /// <summary>Events OneNET acknowledged with code 200.</summary>
        public int Acknowledged { get; private set; }

        /// <summary>Events dropped because the queue was full (the oldest go first).</summary>
        public int Dropped { get; private set; }

        /// <summary>Events OneNET answered with a non-200 code (dropped, never retried).</summary>
        public int Rejected { get; private set; }

        /// <summary>Queues an event that happened now: the event's index in the EventTable and its parameter's value.</summary>
        public void Add(int eventIndex, bool value)
        {
            if (eventIndex < 0 || eventIndex >= _events.Count || _state.Length == 0)
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
            if (eventIndex < 0 || eventIndex >= _events.Count || _state.Length == 0)
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
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] != Done)
                {
                    long utc = TimeOf(index);
                    bool hasUtc = utc != ReadingTime.None;
                    visitor.VisitEvent(_event[index], _value[index], hasUtc, hasUtc ? utc : 0, _monoMs[index]);
                }
                index = (index + 1) % _state.Length;
            }
        }

        // Appends at the newest slot; when full, the oldest event goes (counted when it was still unacknowledged).
        private void Append(int eventIndex, bool value, long monoMs, long utcMs)
        {
            if (_slots == _state.Length)
            {
                if (_state[_head] != Done)
                {
                    Dropped++;
                    _depth--;
                }
                _state[_head] = Done;
                _head = (_head + 1) % _state.Length;
                _slots--;
            }
            int slot = (_head + _slots) % _state.Length;
            _slots++;
            _event[slot] = eventIndex;
            _value[slot] = value;
            _monoMs[slot] = monoMs;
            _utcMs[slot] = utcMs;
            _state[slot] = Waiting;
            _postId[slot] = 0;
            _depth++;
        }

        /// <summary>A new session started: posts in flight in the old one will get no reply, so they are sent again.</summary>
        public void OnSessionStarted()
        {
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] == InFlight)
                {
                    _state[index] = Waiting;
                }
                index = (index + 1) % _state.Length;
            }
        }

        /// <summary>
        /// Sends the oldest waiting event when online and the pacer allows; true when it published. Also turns posts
        /// whose reply is overdue back into waiting ones.
        /// </summary>
        public bool Pump(long nowMs, bool online, IMqttLink link, OneNetTopics topics, IOneJsonWriter writer,
            byte[] buffer, UplinkPacer pacer, RequestIds ids)
        {
            int slot = -1;
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] == InFlight && nowMs - _sentMs[index] >= _replyTimeoutMs)
                {
                    // Keep the post id: a slow reply that still comes before the resend completes the event.
                    _state[index] = Waiting;
                }
                if (slot < 0 && _state[index] == Waiting)
                {
                    slot = index;
                }
                index = (index + 1) % _state.Length;
            }
            if (slot < 0 || !online || !pacer.CanSend(nowMs))
            {
                return false;
            }
            int id = ids.Next();
            int length = writer.WriteEventPost(buffer, id, _events, _event[slot], _value[slot], TimeOf(slot));
            if (length < 0)
            {
                _log.Error("events: an event does not fit the payload buffer; dropped");
                Release(slot);
                Dropped++;
                return false;
            }
            bool sent = link.Publish(topics.EventPost, buffer, length, 0);
            pacer.Sent(nowMs);
            if (sent)
            {
                Posted++;
                _state[slot] = InFlight;
                _postId[slot] = id;
                _sentMs[slot] = nowMs;
            }
            return sent;
        }

        /// <summary>An …/event/post/reply arrived: completes (200) or drops (else) the event of that post; 0 when none matched.</summary>
        public int OnReply(int postId, int code, string msg)
        {
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] != Done && _postId[index] == postId && postId != 0)
                {
                    if (code == ReplyCodes.Success)
                    {
                        Acknowledged++;
                    }
                    else
                    {
                        Rejected++;
                        _log.Warn("OneNET rejected event '" + _events.Identifier(_event[index]) + "' (post "
                            + postId.ToString() + "): code " + code.ToString() + " " + (msg == null ? "" : msg));
                    }
                    Release(index);
                    return 1;
                }
                index = (index + 1) % _state.Length;
            }
            return 0;
        }

        /// <summary>The event's UTC time, derived (and kept) once the clock is valid if it was seen before; else None.</summary>
        private long TimeOf(int slot)
        {
            if (_utcMs[slot] == ReadingTime.None)
            {
                _utcMs[slot] = ReadingTime.UtcAt(_clock, _monoMs[slot]);
            }
            return _utcMs[slot];
        }

        private void Release(int slot)
        {
            _state[slot] = Done;
            _depth--;
            while (_slots > 0 && _state[_head] == Done)
            {
                _head = (_head + 1) % _state.Length;
                _slots--;
            }
        }
    }
}
