using OneNetFirmware.Ports;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Battery mode's copy of the outbox across deep sleeps, in one binary file (little-endian):
    /// <code>
    /// 'O' 'B'  version=1  nameCount:u16  readingCount:i32
    /// nameCount × (length:u8, ASCII identifier)
    /// readingCount × (name:u16, flags:u8 (bit 0 = has UTC), value:f64 bits, time:i64)
    /// CRC-32 of everything before it:u32
    /// </code>
    /// Readings name their property by identifier, so a changed configuration cannot misassign a value; readings of
    /// identifiers no longer configured are dropped and counted. The time is the UTC Unix ms, or — for a reading taken
    /// while the clock was never valid — its age in ms when saved: after the reset the monotonic clock starts again, so
    /// it is restored as taken (age + sleep) before this boot's restore and gets a UTC time once SNTP sets the clock
    /// (exact to the RTC's accuracy during sleep plus the boot time). A file that is truncated, of another version or
    /// fails its checksum is ignored with a warning. Fixed buffer sized for a full outbox; Save allocates nothing.
    /// </summary>
    public sealed class OutboxFile : IOutboxVisitor
    {
        public const byte Version = 1;
        public const int HeaderBytes = 9;
        public const int ReadingBytes = 19;
        public const int ChecksumBytes = 4;
        private const int MaxNameBytes = 64;

        private readonly IStorage _storage;
        private readonly PropertyTable _properties;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly byte[] _buffer;
        private int _length;
        private int _count;

        public OutboxFile(IStorage storage, PropertyTable properties, int capacityReadings, IClock clock, ILog log)
        {
            _storage = storage;
            _properties = properties;
            _clock = clock;
            _log = log;
            _buffer = new byte[MaxBytes(properties, capacityReadings)];
        }

        /// <summary>The largest file a full outbox of capacityReadings makes.</summary>
        public static int MaxBytes(PropertyTable properties, int capacityReadings)
        {
            int names = 0;
            for (int i = 0; i < properties.Count; i++)
            {
                names += 1 + properties.Identifier(i).Length;
            }
            return HeaderBytes + names + capacityReadings * ReadingBytes + ChecksumBytes;
        }

        /// <summary>Readings put back by the last Restore.</summary>
        public int Restored { get; private set; }

        /// <summary>Readings the last Restore dropped because their identifier is no longer configured.</summary>
        public int UnknownDropped { get; private set; }

        /// <summary>
        /// Readings without a UTC time the last Restore dropped because the sleep length was unknown (a reset or
        /// power cut rather than the deep-sleep timer), so no time could be given to them.
        /// </summary>
        public int UntimedDropped { get; private set; }

        /// <summary>Bytes written by the last Save (0 when the outbox was empty and the file removed).</summary>
        public int LastSavedBytes { get; private set; }

        /// <summary>Writes every unacknowledged reading (oldest first); an empty outbox removes the file.</summary>
        public bool Save(Outbox outbox)
        {
            _count = 0;
            _length = HeaderBytes;
            for (int i = 0; i < _properties.Count; i++)
            {
                string id = _properties.Identifier(i);
                _buffer[_length++] = (byte)id.Length;
                for (int c = 0; c < id.Length; c++)
                {
                    _buffer[_length++] = (byte)id[c]; // identifiers are ASCII (TextRules)
                }
            }
            outbox.ForEachPending(this);
            if (_count == 0)
            {
                LastSavedBytes = 0;
                return _storage.Write(_buffer, 0);
            }
            _buffer[0] = (byte)'O';
            _buffer[1] = (byte)'B';
            _buffer[2] = Version;
            PutInt(_buffer, 3, _properties.Count, 2);
            PutInt(_buffer, 5, _count, 4);
            PutInt(_buffer, _length, Crc32.Compute(_buffer, 0, _length), 4);
            _length += ChecksumBytes;
            LastSavedBytes = _length;
            return _storage.Write(_buffer, _length);
        }

        /// <summary>IOutboxVisitor: appends one reading to the buffer (Save's callback).</summary>
        public void Visit(int property, double value, bool hasUtc, long utcMs, long monoMs)
        {
            if (_length + ReadingBytes + ChecksumBytes > _buffer.Length)
            {
                return; // cannot happen: the outbox never holds more than its capacity
            }
            PutInt(_buffer, _length, property, 2);
            _buffer[_length + 2] = (byte)(hasUtc ? 1 : 0);
            PutInt(_buffer, _length + 3, System.BitConverter.DoubleToInt64Bits(value), 8);
            long age = _clock.NowMilliseconds - monoMs;
            PutInt(_buffer, _length + 11, hasUtc ? utcMs : (age < 0 ? 0 : age), 8);
            _length += ReadingBytes;
            _count++;
        }

        /// <summary>
        /// Puts the saved readings back into the (empty) outbox, oldest first; returns how many. sleptMs is how long
        /// the board slept since the save, or -1 when unknown (used only for readings without a UTC time, which are
        /// dropped when it is unknown). Never throws on a bad file.
        /// </summary>
        public int Restore(Outbox outbox, long sleptMs)
        {
            Restored = 0;
            UnknownDropped = 0;
            UntimedDropped = 0;
            int length = _storage.Read(_buffer);
            if (length == 0)
            {
                return 0;
            }
            if (length < 0)
            {
                _log.Warn("outbox file: unreadable or larger than a full outbox; ignored");
                return 0;
            }
            if (length < HeaderBytes + ChecksumBytes || _buffer[0] != (byte)'O' || _buffer[1] != (byte)'B')
            {
                _log.Warn("outbox file: not an outbox file (" + length.ToString() + " bytes); ignored");
                return 0;
            }
            if (_buffer[2] != Version)
            {
                _log.Warn("outbox file: version " + _buffer[2].ToString() + ", expected " + Version.ToString() + "; ignored");
                return 0;
            }
            if ((uint)GetInt(_buffer, length - ChecksumBytes, 4) != Crc32.Compute(_buffer, 0, length - ChecksumBytes))
            {
                _log.Warn("outbox file: checksum mismatch (corrupt or truncated); ignored");
                return 0;
            }
            int names = (int)GetInt(_buffer, 3, 2);
            int count = (int)GetInt(_buffer, 5, 4);
            var map = new int[names];
            int offset = HeaderBytes;
            for (int i = 0; i < names; i++)
            {
                int size = offset < length ? _buffer[offset] : 0;
                if (size == 0 || size > MaxNameBytes || offset + 1 + size > length)
                {
                    _log.Warn("outbox file: bad identifier table; ignored");
                    return 0;
                }
                map[i] = IndexOfName(offset + 1, size);
                offset += 1 + size;
            }
            if (count < 0 || (long)offset + (long)count * ReadingBytes + ChecksumBytes != length)
            {
                _log.Warn("outbox file: reading count does not match its size; ignored");
                return 0;
            }
            for (int n = 0; n < count; n++, offset += ReadingBytes)
            {
                int name = (int)GetInt(_buffer, offset, 2);
                int property = name < names ? map[name] : -1;
                if (property < 0)
                {
                    UnknownDropped++;
                    continue;
                }
                bool hasUtc = (_buffer[offset + 2] & 1) != 0;
                if (!hasUtc && sleptMs < 0)
                {
                    UntimedDropped++;
                    continue;
                }
                double value = System.BitConverter.Int64BitsToDouble(GetInt(_buffer, offset + 3, 8));
                long time = GetInt(_buffer, offset + 11, 8);
                long now = _clock.NowMilliseconds;
                outbox.Restore(property, value, hasUtc, hasUtc ? time : 0, hasUtc ? now : now - sleptMs - time);
                Restored++;
            }
            if (UnknownDropped > 0)
            {
                _log.Warn("outbox file: dropped " + UnknownDropped.ToString()
                    + " readings of identifiers no longer in the configuration");
            }
            if (UntimedDropped > 0)
            {
                _log.Warn("outbox file: dropped " + UntimedDropped.ToString()
                    + " readings taken before the clock was set: the board was reset, so their age is unknown");
            }
            return Restored;
        }

        private int IndexOfName(int offset, int size)
        {
            for (int p = 0; p < _properties.Count; p++)
            {
                string id = _properties.Identifier(p);
                if (id.Length != size)
                {
                    continue;
                }
                int c = 0;
                while (c < size && _buffer[offset + c] == (byte)id[c])
                {
                    c++;
                }
                if (c == size)
                {
                    return p;
                }
            }
            return -1;
        }

        private static void PutInt(byte[] buffer, int offset, long value, int bytes)
        {
            for (int i = 0; i < bytes; i++)
            {
                buffer[offset + i] = (byte)(value >> (8 * i));
            }
        }

        private static long GetInt(byte[] buffer, int offset, int bytes)
        {
            long value = 0;
            for (int i = 0; i < bytes; i++)
            {
                value |= (long)buffer[offset + i] << (8 * i);
            }
            return value;
        }
    }
}
