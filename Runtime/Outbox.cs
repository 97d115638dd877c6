using OneNetFirmware.OneNet;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The readings waiting for OneNET's reply: a preallocated ring bounded by entries and by bytes (each entry costs
    /// its identifier's length plus PointOverheadBytes, about what it takes in JSON). A reading stays until the
    /// …/post/reply with code 200 for the post it went out in; no reply within the timeout → sent again; a non-200
    /// reply → logged with its msg, counted and dropped. Fresh readings go out as one property/post when a report is
    /// due; everything else (older, unreplied, sampled while offline) is back-filled oldest first with history/post.
    /// When full, the oldest readings are dropped and counted. Used by the main loop only. Allocates nothing per reading.
    /// </summary>
    public sealed class Outbox
    {
        public const int PointOverheadBytes = 40;
        /// <summary>OneNET: at most 100 points per identifier in one history/post.</summary>
        public const int MaxPointsPerIdentifier = 100;
        /// <summary>
        /// No reply at all for this many reply timeouts after a post went out: the session is dead. A black-holed network
        /// is not noticed by MQTT keep-alive while the node keeps posting (clients ping only an idle link).
        /// </summary>
        public const int StallReplyTimeouts = 3;

        private const byte Done = 0;
        private const byte Live = 1;
        private const byte Backlog = 2;
        private const byte InFlight = 3;

        private readonly PropertyTable _properties;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly int _capacityBytes;
        private readonly int _replyTimeoutMs;
        private readonly int[] _property;
        private readonly double[] _value;
        private readonly long[] _monoMs;
        private readonly long[] _utcMs;
        private readonly bool[] _hasUtc;
        private readonly byte[] _state;
        private readonly int[] _postId;
        private readonly long[] _sentMs;
        private readonly int[] _selection;
        private readonly int[] _perProperty;
        private readonly PointBatch _batch;
        private int _head;
        private int _slots;
        private int _depth;
        private int _bytes;
        private int _dropped;
        private int _rejected;
        private bool _reportPending;
        private long _nextExpiryCheckMs;
        private long _unansweredSinceMs = -1;
        private bool _platformReplies;
        private bool _lastWasReport;

        public Outbox(int capacityReadings, int capacityBytes, int replyTimeoutSeconds, int batchPoints,
            PropertyTable properties, IClock clock, ILog log)
        {
            _properties = properties;
            _clock = clock;
            _log = log;
            _capacityBytes = capacityBytes;
            _replyTimeoutMs = replyTimeoutSeconds * 1000;
            _property = new int[capacityReadings];
            _value = new double[capacityReadings];
            _monoMs = new long[capacityReadings];
            _utcMs = new long[capacityReadings];
            _hasUtc = new bool[capacityReadings];
            _state = new byte[capacityReadings];
            _postId = new int[capacityReadings];
            _sentMs = new long[capacityReadings];
            _selection = new int[batchPoints];
            _perProperty = new int[properties.Count + 1];
            _batch = new PointBatch(batchPoints);
        }

        /// <summary>Readings not yet acknowledged.</summary>
        public int Depth { get { return _depth; } }

        /// <summary>Bytes the unacknowledged readings account for (never above the capacity).</summary>
        public int Bytes { get { return _bytes; } }

        /// <summary>Readings dropped because the outbox was full.</summary>
        public int Dropped { get { return _dropped; } }

        /// <summary>Readings OneNET answered with a non-200 code (dropped, never retried).</summary>
        public int Rejected { get { return _rejected; } }

        public int Capacity { get { return _state.Length; } }

        /// <summary>Stores a reading taken now (its UTC time only if the clock is valid; else it is derived later).</summary>
        public void Add(int property, double value)
        {
            int cost = Cost(property);
            while (_slots > 0 && (_slots == _state.Length || _bytes + cost > _capacityBytes))
            {
                if (_state[_head] != Done)
                {
                    _dropped++;
                    Release(_head);
                }
                _head = (_head + 1) % _state.Length;
                _slots--;
            }
            if (cost > _capacityBytes)
            {
                _dropped++;
                return;
            }
            int slot = (_head + _slots) % _state.Length;
            _slots++;
            _property[slot] = property;
            _value[slot] = value;
            _monoMs[slot] = _clock.NowMilliseconds;
            _hasUtc[slot] = _clock.IsUtcValid;
            _utcMs[slot] = _hasUtc[slot] ? _clock.UtcUnixMilliseconds : 0;
            _state[slot] = Live;
            _postId[slot] = 0;
            _depth++;
            _bytes += cost;
        }

        /// <summary>
        /// Battery mode: puts back a reading saved before a deep sleep, as backlog (it goes out with history/post).
        /// hasUtc false: monoMs is when it was taken on this boot's monotonic clock (before boot: negative is fine),
        /// and its UTC time is derived once the clock is valid, as for any reading. Call in time order, oldest first.
        /// </summary>
        public void Restore(int property, double value, bool hasUtc, long utcMs, long monoMs)
        {
            if (Cost(property) > _capacityBytes)
            {
                _dropped++;
                return;
            }
            Add(property, value); // always appended at the newest slot once it fits
            int slot = Last();
            _monoMs[slot] = monoMs;
            _hasUtc[slot] = hasUtc;
            _utcMs[slot] = hasUtc ? utcMs : 0;
            _state[slot] = Backlog;
        }

        /// <summary>
        /// Hands every unacknowledged reading to visitor, oldest first (fresh, backlog and in flight alike: a post
        /// without its reply yet is not done). A reading taken before the clock was valid gets its UTC time now if the
        /// clock has become valid since.
        /// </summary>
        public void ForEachPending(IOutboxVisitor visitor)
        {
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] != Done)
                {
                    DeriveUtc(index);
                    visitor.Visit(_property[index], _value[index], _hasUtc[index], _utcMs[index], _monoMs[index]);
                }
                index = (index + 1) % _state.Length;
            }
        }

        /// <summary>True when a reading of property is not acknowledged yet (fresh, backlog or in flight).</summary>
        public bool Holds(int property)
        {
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] != Done && _property[index] == property)
                {
                    return true;
                }
                index = (index + 1) % _state.Length;
            }
            return false;
        }

        /// <summary>Asks for the fresh readings to go out as one property/post at the next allowed moment.</summary>
        public void RequestReport()
        {
            _reportPending = true;
        }

        /// <summary>A new session started: posts in flight in the old one will get no reply, so they are resent.</summary>
        public void OnSessionStarted()
        {
            ForEach(InFlight, Backlog);
            _unansweredSinceMs = -1;
        }

        /// <summary>
        /// True when posts went out StallReplyTimeouts reply timeouts ago and nothing has answered since. Only once the
        /// platform has answered at least once: a plain broker without OneNET's replies never looks stalled.
        /// </summary>
        public bool IsStalled(long nowMs)
        {
            return _platformReplies && _unansweredSinceMs >= 0
                && nowMs - _unansweredSinceMs >= (long)StallReplyTimeouts * _replyTimeoutMs;
        }

        /// <summary>
        /// Sends at most one post when online and the pacer allows: the due report first, else a back-fill batch.
        /// Also turns posts whose reply is overdue back into backlog.
        /// </summary>
        public void Pump(long nowMs, bool online, IMqttLink link, OneNetTopics topics, IOneJsonWriter writer,
            byte[] buffer, UplinkPacer pacer, RequestIds ids)
        {
            ExpireReplies(nowMs);
            if (!online || !pacer.CanSend(nowMs))
            {
                return;
            }
            // After a report the back-fill gets the next slot: with a report due every second (the pacing) it would
            // otherwise never go out, and the outbox would overflow. The fresh readings join the back-fill, so the
            // next report has only newer ones and the two do not keep alternating once the backlog is gone.
            if (_lastWasReport && SelectBacklog() > 0)
            {
                _lastWasReport = false;
                ForEach(Live, Backlog);
                SelectBacklog();
                Send(nowMs, true, link, topics, writer, buffer, pacer, ids);
                return;
            }
            if (_reportPending)
            {
                _reportPending = false;
                if (SelectReport() > 0)
                {
                    _lastWasReport = true;
                    Send(nowMs, false, link, topics, writer, buffer, pacer, ids);
                    return;
                }
            }
            if (SelectBacklog() > 0)
            {
                _lastWasReport = false;
                Send(nowMs, true, link, topics, writer, buffer, pacer, ids);
            }
        }

        /// <summary>A …/post/reply arrived: completes (200) or drops (else) every reading of that post.</summary>
        public int OnReply(int postId, int code, string msg)
        {
            // Any reply proves the session carries traffic both ways.
            _platformReplies = true;
            _unansweredSinceMs = -1;
            int matched = 0;
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] != Done && _state[index] != Live && _postId[index] == postId)
                {
                    Release(index);
                    matched++;
                }
                index = (index + 1) % _state.Length;
            }
            if (matched > 0 && code != 200)
            {
                _rejected += matched;
                _log.Warn("OneNET rejected post " + postId.ToString() + " (" + matched.ToString() + " readings): code "
                    + code.ToString() + " " + (msg == null ? "" : msg));
            }
            Compact();
            return matched;
        }

        private void Send(long nowMs, bool history, IMqttLink link, OneNetTopics topics, IOneJsonWriter writer,
            byte[] buffer, UplinkPacer pacer, RequestIds ids)
        {
            int selected = _batch.Count;
            int id = ids.Next();
            int length = -1;
            while (length < 0 && _batch.Count > 0)
            {
                length = history
                    ? writer.WriteHistoryPost(buffer, id, _properties, _batch)
                    : writer.WritePropertyPost(buffer, id, _properties, _batch);
                if (length < 0)
                {
                    _batch.Count = _batch.Count / 2;
                }
            }
            if (length < 0)
            {
                _log.Error("outbox: a single point does not fit the payload buffer");
                return;
            }
            bool sent = link.Publish(history ? topics.HistoryPost : topics.PropertyPost, buffer, length, 0);
            pacer.Sent(nowMs);
            if (sent && _unansweredSinceMs < 0)
            {
                _unansweredSinceMs = nowMs;
            }
            for (int i = 0; i < selected; i++)
            {
                int slot = _selection[i];
                if (sent && i < _batch.Count)
                {
                    _state[slot] = InFlight;
                    _postId[slot] = id;
                    _sentMs[slot] = nowMs;
                }
                else
                {
                    _state[slot] = Backlog;
                }
            }
        }

        /// <summary>The newest fresh reading of each property; older fresh ones become backlog.</summary>
        private int SelectReport()
        {
            _batch.Count = 0;
            int index = Last();
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] == Live)
                {
                    if (_batch.Count < _batch.Capacity && !InBatch(_property[index]))
                    {
                        _selection[_batch.Count] = index;
                        AddPoint(index);
                    }
                    else
                    {
                        _state[index] = Backlog;
                    }
                }
                index = index == 0 ? _state.Length - 1 : index - 1;
            }
            return _batch.Count;
        }

        /// <summary>The oldest backlog readings, at most 100 per property, grouped by property for history/post.</summary>
        private int SelectBacklog()
        {
            for (int p = 0; p < _perProperty.Length; p++)
            {
                _perProperty[p] = 0;
            }
            int picked = 0;
            int index = _head;
            for (int n = 0; n < _slots && picked < _selection.Length; n++)
            {
                int property = _property[index];
                if (_state[index] == Backlog && _perProperty[property] < MaxPointsPerIdentifier)
                {
                    _perProperty[property]++;
                    _selection[picked++] = index;
                }
                index = (index + 1) % _state.Length;
            }
            // Group by property, keeping the time order inside each group (a stable sort on a small array).
            for (int i = 1; i < picked; i++)
            {
                int slot = _selection[i];
                int j = i - 1;
                while (j >= 0 && _property[_selection[j]] > _property[slot])
                {
                    _selection[j + 1] = _selection[j];
                    j--;
                }
                _selection[j + 1] = slot;
            }
            _batch.Count = 0;
            for (int i = 0; i < picked; i++)
            {
                AddPoint(_selection[i]);
            }
            return picked;
        }

        private void AddPoint(int slot)
        {
            DeriveUtc(slot);
            int n = _batch.Count;
            _batch.Property[n] = _property[slot];
            _batch.Value[n] = _value[slot];
            _batch.UtcMilliseconds[n] = _utcMs[slot];
            _batch.HasTime[n] = _hasUtc[slot];
            _batch.Count = n + 1;
        }

        private void DeriveUtc(int slot)
        {
            if (!_hasUtc[slot])
            {
                // Sampled before SNTP: derived from the monotonic time as soon as the clock is valid.
                long utc = ReadingTime.UtcAt(_clock, _monoMs[slot]);
                _hasUtc[slot] = utc != ReadingTime.None;
                _utcMs[slot] = _hasUtc[slot] ? utc : 0;
            }
        }

        private bool InBatch(int property)
        {
            for (int i = 0; i < _batch.Count; i++)
            {
                if (_batch.Property[i] == property)
                {
                    return true;
                }
            }
            return false;
        }

        private void ExpireReplies(long nowMs)
        {
            if (nowMs < _nextExpiryCheckMs)
            {
                return;
            }
            _nextExpiryCheckMs = nowMs + 1000; // once a second is exact enough and keeps the main loop cheap
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] == InFlight && nowMs - _sentMs[index] >= _replyTimeoutMs)
                {
                    // Keep the post id: a slow reply that still comes before the resend completes the reading.
                    _state[index] = Backlog;
                }
                index = (index + 1) % _state.Length;
            }
        }

        private void ForEach(byte from, byte to)
        {
            int index = _head;
            for (int n = 0; n < _slots; n++)
            {
                if (_state[index] == from)
                {
                    _state[index] = to;
                }
                index = (index + 1) % _state.Length;
            }
        }

        private void Release(int slot)
        {
            _state[slot] = Done;
            _depth--;
            _bytes -= Cost(_property[slot]);
        }

        private void Compact()
        {
            while (_slots > 0 && _state[_head] == Done)
            {
                _head = (_head + 1) % _state.Length;
                _slots--;
            }
        }

        private int Last()
        {
            return (_head + _slots - 1 + _state.Length) % _state.Length;
        }

        private int Cost(int property)
        {
            return _properties.Identifier(property).Length + PointOverheadBytes;
        }
    }
}
