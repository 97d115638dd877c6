using System;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// A fixed ring of raw downlinks, filled on the MQTT thread and drained by the main loop. Payloads are copied into
    /// preallocated slots; when full, the message is dropped and counted. A payload longer than a slot keeps only its
    /// head, flagged too large, so the main loop can still find its id and answer 413.
    /// </summary>
    public sealed class DownlinkQueue
    {
        private readonly object _lock = new object();
        private readonly byte[][] _payloads;
        private readonly int[] _lengths;
        private readonly DownlinkKind[] _kinds;
        private readonly string[] _services;
        private readonly bool[] _tooLarge;
        private int _head;
        private int _count;
        private int _dropped;

        public DownlinkQueue(int slots, int maxPayloadBytes)
        {
            MaxPayloadBytes = maxPayloadBytes;
            _payloads = new byte[slots][];
            for (int i = 0; i < slots; i++)
            {
                _payloads[i] = new byte[maxPayloadBytes];
            }
            _lengths = new int[slots];
            _kinds = new DownlinkKind[slots];
            _services = new string[slots];
            _tooLarge = new bool[slots];
        }

        /// <summary>The bytes one slot keeps (the main loop's copy buffer has the same size).</summary>
        public int MaxPayloadBytes { get; private set; }

        /// <summary>Downlinks dropped because every slot was taken.</summary>
        public int Dropped { get { lock (_lock) { return _dropped; } } }

        public int Count { get { lock (_lock) { return _count; } } }

        /// <summary>Copies a downlink in (only its head when longer than a slot); false (and counted) when the queue is full.</summary>
        public bool Enqueue(DownlinkKind kind, string service, byte[] payload)
        {
            lock (_lock)
            {
                if (_count == _payloads.Length)
                {
                    _dropped++;
                    return false;
                }
                int length = payload == null ? 0 : payload.Length;
                int slot = (_head + _count) % _payloads.Length;
                _tooLarge[slot] = length > _payloads[slot].Length;
                if (_tooLarge[slot])
                {
                    length = _payloads[slot].Length;
                }
                if (length > 0)
                {
                    Array.Copy(payload, 0, _payloads[slot], 0, length);
                }
                _lengths[slot] = length;
                _kinds[slot] = kind;
                _services[slot] = service;
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
        /// Copies the oldest downlink into buffer (at least as long as a slot) and removes it; returns its length,
        /// or -1 when the queue is empty. tooLarge: the payload did not fit and buffer holds only its head.
        /// </summary>
        public int Dequeue(byte[] buffer, out DownlinkKind kind, out string service, out bool tooLarge)
        {
            lock (_lock)
            {
                kind = DownlinkKind.Unknown;
                service = null;
                tooLarge = false;
                if (_count == 0)
                {
                    return -1;
                }
                int length = _lengths[_head];
                Array.Copy(_payloads[_head], 0, buffer, 0, length);
                kind = _kinds[_head];
                service = _services[_head];
                tooLarge = _tooLarge[_head];
                _services[_head] = null;
                _head = (_head + 1) % _payloads.Length;
                _count--;
                return length;
            }
        }
    }
}
