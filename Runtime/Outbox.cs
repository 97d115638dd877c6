using OneNetFirmware.OneNet;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The readings waiting for OneNET's reply: a preallocated ring bounded by entries and by bytes (each entry costs
    /// its identifier's length plus PointOverheadBytes, about what it takes in JSON). A reading stays until the
    /// …/post/reply with code 200 for the post it went out in; no reply within the timeout → sent again; a non-200
    /// reply → logged with its msg, counted and dropped. Fresh readings go out as one property/post when a report is
    /// due; everything else (older, unreplied, sampled while offline) is back-filled oldest first with history/post.
    /// When full, the oldest readings are dropped and counted. The slot bookkeeping (states, times, replies, timeouts,
    /// stall) is the shared PendingSlots engine; this class keeps the readings and chooses the batches
    /// (docs/architecture.md "Pending engine"). Used by the main loop only. Allocates nothing per reading.
    /// </summary>
    public sealed class Outbox
    {
        private readonly PropertyTable _properties;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly int _capacityBytes;
        private readonly PendingSlots _slots;
        private readonly short[] _property;
        private readonly double[] _value;
        private readonly int[] _selection;
        private readonly int[] _perProperty;
        private readonly PointBatch _batch;
        private int _bytes;
        private bool _reportPending;
        private bool _lastWasReport;

        public Outbox(int capacityReadings, int capacityBytes, int replyTimeoutSeconds, int batchPoints,
            PropertyTable properties, IClock clock, ILog log)
        {
            _properties = properties;
            _clock = clock;
            _log = log;
            _capacityBytes = capacityBytes;
            _slots = new PendingSlots(capacityReadings, replyTimeoutSeconds, clock);
            _property = new short[capacityReadings];
            _value = new double[capacityReadings];
            _selection = new int[batchPoints];
            _perProperty = new int[properties.Count + 1];
            _batch = new PointBatch(batchPoints);
        }

        /// <summary>
        /// The batch for a payload buffer of bufferBytes: as many typical history points as it takes
        /// (RuntimeDefaults.HistoryPointBytes), at most RuntimeDefaults.BatchPoints. The batch and its selection are
        /// 25 B a point (docs/performance.md "Heap held per feature"), so a 2 KB buffer does not carry room for 100.
        /// </summary>
        public static int BatchPointsFor(int bufferBytes)
        {
            int points = bufferBytes / RuntimeDefaults.HistoryPointBytes;
            if (points > RuntimeDefaults.BatchPoints)
            {
                return RuntimeDefaults.BatchPoints;
            }
            return points < 1 ? 1 : points;
        }

        /// <summary>Readings not yet acknowledged.</summary>
        public int Depth { get { return _slots.Depth; } }

        /// <summary>Bytes the unacknowledged readings account for (never above the capacity).</summary>
        public int Bytes { get { return _bytes; } }

        /// <summary>Readings dropped because the outbox was full.</summary>
        public int Dropped { get { return _slots.Dropped; } }

        /// <summary>Readings OneNET answered with a non-200 code (dropped, never retried).</summary>
        public int Rejected { get { return _slots.Rejected; } }

        public int Capacity { get { return _slots.Capacity; } }

        /// <summary>Stores a reading taken now (its UTC time only if the clock is valid; else it is derived later).</summary>
        public void Add(int property, double value)
        {
            long now = _clock.NowMilliseconds;
            Append(property, value, now, _clock.IsUtcValid ? _clock.UtcUnixMilliseconds : ReadingTime.None,
                PendingSlots.Fresh);
        }

        /// <summary>
        /// Battery mode: puts back a reading saved before a deep sleep, as backlog (it goes out with history/post).
        /// hasUtc false: monoMs is when it was taken on this boot's monotonic clock (before boot: negative is fine),
        /// and its UTC time is derived once the clock is valid, as for any reading. Call in time order, oldest first.
        /// </summary>
        public void Restore(int property, double value, bool hasUtc, long utcMs, long monoMs)
        {
            Append(property, value, monoMs, hasUtc ? utcMs : ReadingTime.None, PendingSlots.Waiting);
        }

        // Appends at the newest slot; the oldest readings go (counted) until it fits by count and by bytes.
        private void Append(int property, double value, long monoMs, long utcMs, byte state)
        {
            int cost = Cost(property);
            if (cost > _capacityBytes)
            {
                _slots.CountDropped();
                return;
            }
            while (_slots.Count > 0 && (_slots.Full || _bytes + cost > _capacityBytes))
            {
                int oldest = _slots.At(0);
                if (_slots.DropOldest())
                {
                    _bytes -= Cost(_property[oldest]);
                }
            }
            int slot = _slots.Append(monoMs, utcMs, state);
            _property[slot] = (short)property;
            _value[slot] = value;
            _bytes += cost;
        }

        /// <summary>
        /// Hands every unacknowledged reading to visitor, oldest first (fresh, backlog and in flight alike: a post
        /// without its reply yet is not done). A reading taken before the clock was valid gets its UTC time now if the
        /// clock has become valid since.
        /// </summary>
        public void ForEachPending(IOutboxVisitor visitor)
        {
            for (int n = 0; n < _slots.Count; n++)
            {
                int slot = _slots.At(n);
                if (_slots.State(slot) != PendingSlots.Done)
                {
                    bool hasUtc = _slots.Utc(slot) != ReadingTime.None;
                    visitor.Visit(_property[slot], _value[slot], hasUtc, _slots.TimeMs(slot));
                }
            }
        }

        /// <summary>True when a reading of property is not acknowledged yet (fresh, backlog or in flight).</summary>
        public bool Holds(int property)
        {
            for (int n = 0; n < _slots.Count; n++)
            {
                int slot = _slots.At(n);
                if (_slots.State(slot) != PendingSlots.Done && _property[slot] == property)
                {
                    return true;
                }
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
            _slots.OnSessionStarted();
        }

        /// <summary>PendingSlots.IsStalled: posts unanswered for StallReplyTimeouts reply timeouts.</summary>
        public bool IsStalled(long nowMs)
        {
            return _slots.IsStalled(nowMs);
        }

        /// <summary>
        /// Sends at most one post through the uplink when online and the pacer allows: the due report first, else a
        /// back-fill batch. Also turns posts whose reply is overdue back into backlog.
        /// </summary>
        public void Pump(long nowMs, bool online, Uplink uplink)
        {
            _slots.ExpireReplies(nowMs);
            if (!online || !uplink.CanSend(nowMs))
            {
                return;
            }
            // After a report the back-fill gets the next slot: with a report due every second (the pacing) it would
            // otherwise never go out, and the outbox would overflow. The fresh readings join the back-fill, so the
            // next report has only newer ones and the two do not keep alternating once the backlog is gone.
            if (_lastWasReport && SelectBacklog() > 0)
            {
                _lastWasReport = false;
                _slots.Move(PendingSlots.Fresh, PendingSlots.Waiting);
                SelectBacklog();
                Send(nowMs, true, uplink);
                return;
            }
            if (_reportPending)
            {
                _reportPending = false;
                if (SelectReport() > 0)
                {
                    _lastWasReport = true;
                    Send(nowMs, false, uplink);
                    return;
                }
            }
            if (SelectBacklog() > 0)
            {
                _lastWasReport = false;
                Send(nowMs, true, uplink);
            }
        }

        /// <summary>A …/post/reply arrived: completes (200) or drops (else) every reading of that post.</summary>
        public int OnReply(int postId, int code, string msg)
        {
            int post = _slots.AwaitedPost(postId);
            for (int n = 0; post >= 0 && n < _slots.Count; n++)
            {
                int slot = _slots.At(n);
                if (_slots.InPost(slot, post))
                {
                    _bytes -= Cost(_property[slot]);
                }
            }
            int matched = _slots.Complete(post, code);
            if (matched > 0 && code != ReplyCodes.Success)
            {
                LogRejected(postId, matched, code, msg);
            }
            return matched;
        }

        // Rare paths keep their message text out of the hot methods: a literal allocates at each use on the device
        // (docs/performance.md); the IL scan lists these as cold.
        private void LogRejected(int postId, int matched, int code, string msg)
        {
            _log.Warn("OneNET rejected post " + postId.ToString() + " (" + matched.ToString() + " readings): code "
                + code.ToString() + " " + (msg == null ? "" : msg));
        }

        private void LogPointTooLarge()
        {
            _log.Error("outbox: a single point does not fit the payload buffer");
        }

        private void Send(long nowMs, bool history, Uplink uplink)
        {
            int selected = _batch.Count;
            int id = uplink.NextId();
            int length = -1;
            while (length < 0 && _batch.Count > 0)
            {
                length = history
                    ? uplink.Writer.WriteHistoryPost(uplink.Buffer, id, _properties, _batch)
                    : uplink.Writer.WritePropertyPost(uplink.Buffer, id, _properties, _batch);
                if (length < 0)
                {
                    _batch.Count = _batch.Count / 2;
                }
            }
            if (length < 0)
            {
                LogPointTooLarge();
                return;
            }
            bool sent = uplink.Publish(history ? uplink.Topics.HistoryPost : uplink.Topics.PropertyPost, length, nowMs);
            int post = -1;
            if (sent)
            {
                post = _slots.BeginPost(id, nowMs);
                _slots.PostWent(nowMs);
            }
            for (int i = 0; i < selected; i++)
            {
                int slot = _selection[i];
                if (sent && i < _batch.Count)
                {
                    _slots.Sent(slot, post);
                }
                else
                {
                    _slots.SetState(slot, PendingSlots.Waiting);
                }
            }
        }

        /// <summary>The newest fresh reading of each property; older fresh ones become backlog.</summary>
        private int SelectReport()
        {
            _batch.Count = 0;
            for (int n = _slots.Count - 1; n >= 0; n--)
            {
                int slot = _slots.At(n);
                if (_slots.State(slot) == PendingSlots.Fresh)
                {
                    if (_batch.Count < _batch.Capacity && !InBatch(_property[slot]))
                    {
                        _selection[_batch.Count] = slot;
                        AddPoint(slot);
                    }
                    else
                    {
                        _slots.SetState(slot, PendingSlots.Waiting);
                    }
                }
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
            int count = _slots.Count;
            int capacity = _slots.Capacity;
            int slot = _slots.At(0);
            // The longest walk of the outbox (a full ring of backlog): the slot is stepped by hand, not with At(n).
            for (int n = 0; n < count && picked < _selection.Length; n++)
            {
                int property = _property[slot];
                if (_slots.State(slot) == PendingSlots.Waiting
                    && _perProperty[property] < OneNetDefaults.MaxPointsPerIdentifier)
                {
                    _perProperty[property]++;
                    _selection[picked++] = slot;
                }
                if (++slot == capacity) slot = 0;
            }
            // Group by property, keeping the time order inside each group (a stable sort on a small array).
            for (int i = 1; i < picked; i++)
            {
                int moving = _selection[i];
                int j = i - 1;
                while (j >= 0 && _property[_selection[j]] > _property[moving])
                {
                    _selection[j + 1] = _selection[j];
                    j--;
                }
                _selection[j + 1] = moving;
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
            long utc = _slots.Utc(slot);
            int n = _batch.Count;
            _batch.Property[n] = _property[slot];
            _batch.Value[n] = _value[slot];
            _batch.HasTime[n] = utc != ReadingTime.None;
            _batch.UtcMilliseconds[n] = _batch.HasTime[n] ? utc : 0;
            _batch.Count = n + 1;
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

        private int Cost(int property)
        {
            return _properties.Identifier(property).Length + RuntimeDefaults.PointOverheadBytes;
        }
    }
}
