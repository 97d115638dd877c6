namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// The downlinks waiting for the main loop, filled on the MQTT thread and drained by the main loop. It keeps the
    /// payload array the link handed over (the listener owns it: IMqttLinkListener.OnMessage), never a copy: M2Mqtt
    /// allocates a fresh array per message anyway, so copying into slots of our own would only hold more heap
    /// (docs/architecture.md "Downlinks"). Bounded by count and by the bytes the held arrays add up to; a message that
    /// would break either bound is dropped and counted, except that an empty queue always takes one, so even a downlink
    /// too large to read reaches the main loop and gets its 413.
    /// </summary>
    public sealed class DownlinkQueue
    {
        private static readonly byte[] NoPayload = new byte[0];

        private readonly object _lock = new object();
        private readonly byte[][] _payloads;
        private readonly DownlinkKind[] _kinds;
        private readonly string[] _services;
        private readonly int _maxQueuedBytes;
        private int _queuedBytes;
        private int _head;
        private int _count;
        private int _dropped;

        /// <param name="slots">Downlinks held at most (count).</param>
        /// <param name="maxPayloadBytes">The most the main loop reads of a payload; a longer one is too large (413).</param>
        /// <param name="maxQueuedBytes">The payload bytes the queue may hold in all (one message is always taken).</param>
        public DownlinkQueue(int slots, int maxPayloadBytes, int maxQueuedBytes)
        {
            MaxPayloadBytes = maxPayloadBytes;
            _maxQueuedBytes = maxQueuedBytes;
            _payloads = new byte[slots][];
            _kinds = new DownlinkKind[slots];
            _services = new string[slots];
        }

        /// <summary>The most the main loop reads of one payload (bytes); a longer one is answered 413.</summary>
        public int MaxPayloadBytes { get; private set; }

        /// <summary>Downlinks dropped because the queue held its count or its bytes.</summary>
        public int Dropped { get { lock (_lock) { return _dropped; } } }

        public int Count { get { lock (_lock) { return _count; } } }

        /// <summary>The bytes of the payloads the queue holds now.</summary>
        public int QueuedBytes { get { lock (_lock) { return _queuedBytes; } } }

        /// <summary>
        /// Keeps a downlink (the payload array itself, which the caller must not change any more); false (and counted)
        /// when the queue holds its count, or its bytes and is not empty.
        /// </summary>
        public bool Enqueue(DownlinkKind kind, string service, byte[] payload)
        {
            if (payload == null)
            {
                payload = NoPayload;
            }
            lock (_lock)
            {
                if (_count == _payloads.Length || (_count > 0 && _queuedBytes + payload.Length > _maxQueuedBytes))
                {
                    _dropped++;
                    return false;
                }
                int slot = (_head + _count) % _payloads.Length;
                _payloads[slot] = payload;
                _kinds[slot] = kind;
                _services[slot] = service;
                _queuedBytes += payload.Length;
                _count++;
                return true;
            }
        }

        /// <summary>The kind of the oldest downlink without removing it; false when the queue is empty.</summary>
        public bool TryPeekKind(out DownlinkKind kind)
        {
            lock (_lock)
            {
                kind = _count == 0 ? DownlinkKind.Unknown : _kinds[_head];
                return _count > 0;
            }
        }

        /// <summary>
        /// Removes the oldest downlink and lets go of its array: payload is that array, to be read in place. Returns the
        /// bytes to read (at most MaxPayloadBytes), or -1 when the queue is empty. tooLarge: the payload is longer, and
        /// only its head may be read (for its id).
        /// </summary>
        public int Dequeue(out byte[] payload, out DownlinkKind kind, out string service, out bool tooLarge)
        {
            lock (_lock)
            {
                payload = null;
                kind = DownlinkKind.Unknown;
                service = null;
                tooLarge = false;
                if (_count == 0)
                {
                    return -1;
                }
                payload = _payloads[_head];
                kind = _kinds[_head];
                service = _services[_head];
                _payloads[_head] = null;
                _services[_head] = null;
                _queuedBytes -= payload.Length;
                _head = (_head + 1) % _payloads.Length;
                _count--;
                tooLarge = payload.Length > MaxPayloadBytes;
                return tooLarge ? MaxPayloadBytes : payload.Length;
            }
        }
    }
}
