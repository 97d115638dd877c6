using System;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.OneNet;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Battery mode's copy of the outbox and the input events across deep sleeps, in one binary file (little-endian):
    /// <code>
    /// 'O' 'B'  version=2  nameCount:u16  readingCount:i32
    /// nameCount × (length:u8, ASCII identifier)
    /// readingCount × (name:u16, flags:u8 (bit 0 = has UTC), value:f64 bits, time:i64)
    /// eventNameCount:u16  eventCount:i32
    /// eventNameCount × (length:u8, ASCII identifier)
    /// eventCount × (name:u16, flags:u8 (bit 0 = has UTC, bit 1 = value), time:i64)
    /// CRC-32 of everything before it:u32
    /// </code>
    /// Version 1 (an older firmware's file) is the same without the event part and is still read. Readings and events
    /// name their property/event by identifier, so a changed configuration cannot misassign a value; those of
    /// identifiers no longer configured are dropped and counted. The time is the UTC Unix ms, or — for one taken while
    /// the clock was never valid — its age in ms when saved: after the reset the monotonic clock starts again, so it is
    /// restored as taken (age + sleep) before this boot's restore and gets a UTC time once SNTP sets the clock (exact
    /// to the RTC's accuracy during sleep plus the boot time). A file that is truncated, of another version or fails
    /// its checksum is ignored with a warning. Fixed buffer sized for a full outbox and event queue; Save allocates nothing.
    /// </summary>
    public sealed class OutboxFile : IOutboxVisitor, IEventVisitor
    {
        public const byte Version = 2;
        public const byte Version1 = 1;
        public const int HeaderBytes = 9;
        public const int ReadingBytes = 19;
        public const int EventHeaderBytes = 6;
        public const int EventBytes = 11;
        public const int ChecksumBytes = 4;
        private const int MaxNameBytes = 64;

        private readonly IStorage _storage;
        private readonly PropertyTable _properties;
        private readonly PropertyTable _eventNames;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly byte[] _buffer;
        private int _length;
        private int _count;
        private long _sleptMs;

        /// <summary>Readings only (no input events): the event part is written empty.</summary>
        public OutboxFile(IStorage storage, PropertyTable properties, int capacityReadings, IClock clock, ILog log)
            : this(storage, properties, capacityReadings, null, 0, clock, log)
        {
        }

        /// <param name="events">The node's EventTable (InputEvents.Events), or null when it raises no events.</param>
        public OutboxFile(IStorage storage, PropertyTable properties, int capacityReadings, EventTable events,
            int capacityEvents, IClock clock, ILog log)
        {
            _storage = storage;
            _properties = properties;
            _eventNames = events == null ? new PropertyTable(0) : events.Identifiers;
            _clock = clock;
            _log = log;
            _buffer = new byte[MaxBytes(properties, capacityReadings, _eventNames, capacityEvents)];
        }

        /// <summary>The largest file a full outbox of capacityReadings makes (no events).</summary>
        public static int MaxBytes(PropertyTable properties, int capacityReadings)
        {
            return MaxBytes(properties, capacityReadings, new PropertyTable(0), 0);
        }

        /// <summary>The largest file a full outbox and a full event queue make; eventNames is EventTable.Identifiers.</summary>
        public static int MaxBytes(PropertyTable properties, int capacityReadings, PropertyTable eventNames,
            int capacityEvents)
        {
            return HeaderBytes + NameBytes(properties) + capacityReadings * ReadingBytes
                + EventHeaderBytes + NameBytes(eventNames) + capacityEvents * EventBytes + ChecksumBytes;
        }

        private static int NameBytes(PropertyTable names)
        {
            int bytes = 0;
            for (int i = 0; i < names.Count; i++)
            {
                bytes += 1 + names.Identifier(i).Length;
            }
            return bytes;
        }

        /// <summary>Readings put back by the last Restore.</summary>
        public int Restored { get; private set; }

        /// <summary>Input events put back by the last Restore.</summary>
        public int RestoredEvents { get; private set; }

        /// <summary>Readings and events the last Restore dropped because their identifier is no longer configured.</summary>
        public int UnknownDropped { get; private set; }

        /// <summary>
        /// Readings and events without a UTC time the last Restore dropped because the sleep length was unknown (a
        /// reset, a power cut or an input wake-up rather than the deep-sleep timer), so no time could be given to them.
        /// </summary>
        public int UntimedDropped { get; private set; }

        /// <summary>Bytes written by the last Save (0 when nothing was pending and the file removed).</summary>
        public int LastSavedBytes { get; private set; }

        /// <summary>Writes every unacknowledged reading (oldest first); an empty outbox removes the file.</summary>
        public bool Save(Outbox outbox)
        {
            return Save(outbox, null);
        }

        /// <summary>
        /// Writes every unacknowledged reading and input event (oldest first; events may be null); when there is
        /// neither, the file is removed.
        /// </summary>
        public bool Save(Outbox outbox, EventOutbox events)
        {
            _length = HeaderBytes;
            PutNames(_properties);
            _count = 0;
            outbox.ForEachPending(this);
            int readings = _count;
            int eventHeader = _length;
            _length += EventHeaderBytes;
            PutNames(_eventNames);
            _count = 0;
            if (events != null)
            {
                events.ForEachPending(this);
            }
            if (readings == 0 && _count == 0)
            {
                LastSavedBytes = 0;
                return _storage.Write(_buffer, 0);
            }
            _buffer[0] = (byte)'O';
            _buffer[1] = (byte)'B';
            _buffer[2] = Version;
            PutInt(_buffer, 3, _properties.Count, 2);
            PutInt(_buffer, 5, readings, 4);
            PutInt(_buffer, eventHeader, _eventNames.Count, 2);
            PutInt(_buffer, eventHeader + 2, _count, 4);
            PutInt(_buffer, _length, Crc32.Compute(_buffer, 0, _length), 4);
            _length += ChecksumBytes;
            LastSavedBytes = _length;
            return _storage.Write(_buffer, _length);
        }

        private void PutNames(PropertyTable names)
        {
            for (int i = 0; i < names.Count; i++)
            {
                // The key's name part: ASCII for a valid identifier (TextRules), so one byte per char.
                byte[] key = names.Key(i);
                int size = key.Length - OneJsonWriter.KeyFramingBytes;
                _buffer[_length++] = (byte)size;
                Array.Copy(key, OneJsonWriter.KeyNameOffset, _buffer, _length, size);
                _length += size;
            }
        }

        /// <summary>IOutboxVisitor: appends one reading to the buffer (Save's callback).</summary>
        public void Visit(int property, double value, bool hasUtc, long timeMs)
        {
            if (_length + ReadingBytes + EventHeaderBytes + ChecksumBytes > _buffer.Length)
            {
                return; // cannot happen: the outbox never holds more than its capacity
            }
            PutInt(_buffer, _length, property, 2);
            _buffer[_length + 2] = (byte)(hasUtc ? 1 : 0);
            PutInt(_buffer, _length + 3, System.BitConverter.DoubleToInt64Bits(value), 8);
            PutTime(_length + 11, hasUtc, timeMs);
            _length += ReadingBytes;
            _count++;
        }

        /// <summary>IEventVisitor: appends one input event to the buffer (Save's callback).</summary>
        public void VisitEvent(int eventIndex, bool value, bool hasUtc, long timeMs)
        {
            if (_length + EventBytes + ChecksumBytes > _buffer.Length)
            {
                return; // cannot happen: the queue never holds more than its capacity
            }
            PutInt(_buffer, _length, eventIndex, 2);
            _buffer[_length + 2] = (byte)((hasUtc ? 1 : 0) | (value ? 2 : 0));
            PutTime(_length + 3, hasUtc, timeMs);
            _length += EventBytes;
            _count++;
        }

        // The UTC time, or (never valid) the age now: the monotonic clock starts again after the reset.
        private void PutTime(int offset, bool hasUtc, long timeMs)
        {
            long age = _clock.NowMilliseconds - timeMs;
            PutInt(_buffer, offset, hasUtc ? timeMs : (age < 0 ? 0 : age), 8);
        }

        /// <summary>Puts the saved readings back into the (empty) outbox; see Restore(Outbox, EventOutbox, long).</summary>
        public int Restore(Outbox outbox, long sleptMs)
        {
            return Restore(outbox, null, sleptMs);
        }

        /// <summary>
        /// Puts the saved readings back into the (empty) outbox and the saved input events into events (may be null:
        /// they are then skipped), oldest first; returns how many readings (RestoredEvents: how many events). sleptMs
        /// is how long the board slept since the save, or -1 when unknown (used only for those without a UTC time,
        /// which are dropped when it is unknown). Never throws on a bad file.
        /// </summary>
        public int Restore(Outbox outbox, EventOutbox events, long sleptMs)
        {
            Restored = 0;
            RestoredEvents = 0;
            UnknownDropped = 0;
            UntimedDropped = 0;
            _sleptMs = sleptMs;
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
            byte version = _buffer[2];
            if (version != Version && version != Version1)
            {
                _log.Warn("outbox file: version " + version.ToString() + ", expected " + Version.ToString() + "; ignored");
                return 0;
            }
            int end = length - ChecksumBytes;
            if ((uint)GetInt(_buffer, end, 4) != Crc32.Compute(_buffer, 0, end))
            {
                _log.Warn("outbox file: checksum mismatch (corrupt or truncated); ignored");
                return 0;
            }
            // Check the whole layout before putting anything back: a bad file restores nothing.
            int names = (int)GetInt(_buffer, 3, 2);
            int count = (int)GetInt(_buffer, 5, 4);
            int[] map = ReadNames(HeaderBytes, end, names, _properties);
            if (map == null)
            {
                _log.Warn("outbox file: bad identifier table; ignored");
                return 0;
            }
            int readingsAt = _length;
            long after = count < 0 ? -1 : (long)readingsAt + (long)count * ReadingBytes;
            int[] eventMap = map; // unused while eventCount is 0
            int eventCount = 0;
            int eventsAt = end;
            if (version == Version)
            {
                if (after < 0 || after + EventHeaderBytes > end)
                {
                    after = -1; // no room for the event part
                }
                else
                {
                    int eventNames = (int)GetInt(_buffer, (int)after, 2);
                    eventCount = (int)GetInt(_buffer, (int)after + 2, 4);
                    eventMap = ReadNames((int)after + EventHeaderBytes, end, eventNames, _eventNames);
                    if (eventMap == null)
                    {
                        _log.Warn("outbox file: bad event identifier table; ignored");
                        return 0;
                    }
                    eventsAt = _length;
                    after = eventCount < 0 ? -1 : (long)eventsAt + (long)eventCount * EventBytes;
                }
            }
            if (after != end)
            {
                _log.Warn("outbox file: reading or event count does not match its size; ignored");
                return 0;
            }
            int offset = readingsAt;
            for (int n = 0; n < count; n++, offset += ReadingBytes)
            {
                int property = Mapped(map, (int)GetInt(_buffer, offset, 2));
                bool hasUtc = (_buffer[offset + 2] & 1) != 0;
                if (property < 0 || !Timed(hasUtc))
                {
                    continue;
                }
                double value = System.BitConverter.Int64BitsToDouble(GetInt(_buffer, offset + 3, 8));
                long time = GetInt(_buffer, offset + 11, 8);
                outbox.Restore(property, value, hasUtc, hasUtc ? time : 0, MonoAt(hasUtc, time));
                Restored++;
            }
            offset = eventsAt;
            for (int n = 0; n < eventCount && events != null; n++, offset += EventBytes)
            {
                int index = Mapped(eventMap, (int)GetInt(_buffer, offset, 2));
                byte flags = _buffer[offset + 2];
                bool hasUtc = (flags & 1) != 0;
                if (index < 0 || !Timed(hasUtc))
                {
                    continue;
                }
                long time = GetInt(_buffer, offset + 3, 8);
                events.Restore(index, (flags & 2) != 0, hasUtc, hasUtc ? time : 0, MonoAt(hasUtc, time));
                RestoredEvents++;
            }
            if (UnknownDropped > 0)
            {
                _log.Warn("outbox file: dropped " + UnknownDropped.ToString()
                    + " readings or events of identifiers no longer in the configuration");
            }
            if (UntimedDropped > 0)
            {
                _log.Warn("outbox file: dropped " + UntimedDropped.ToString()
                    + " readings or events from before the clock was set: the sleep length is unknown, so their age is unknown");
            }
            return Restored;
        }

        // The configured index of a saved name index, or -1 (counted as dropped).
        private int Mapped(int[] map, int name)
        {
            int index = name < map.Length ? map[name] : -1;
            if (index < 0)
            {
                UnknownDropped++;
            }
            return index;
        }

        // False (counted as dropped) for an untimed entry when the sleep length is unknown.
        private bool Timed(bool hasUtc)
        {
            if (!hasUtc && _sleptMs < 0)
            {
                UntimedDropped++;
                return false;
            }
            return true;
        }

        // This boot's monotonic time of a saved entry: now for a UTC one, now − sleep − age for an untimed one.
        private long MonoAt(bool hasUtc, long time)
        {
            long now = _clock.NowMilliseconds;
            return hasUtc ? now : now - _sleptMs - time;
        }

        // Maps each of count saved names from offset to its index in table (-1 when gone); null when the table is bad.
        // Leaves _length just past the table.
        private int[] ReadNames(int offset, int end, int count, PropertyTable table)
        {
            if (count > (end - offset) / 2)
            {
                return null; // each name takes at least 2 bytes: a bad count must not allocate a huge map
            }
            var map = new int[count];
            for (int i = 0; i < count; i++)
            {
                int size = offset < end ? _buffer[offset] : 0;
                if (size == 0 || size > MaxNameBytes || offset + 1 + size > end)
                {
                    return null;
                }
                map[i] = IndexOfName(table, offset + 1, size);
                offset += 1 + size;
            }
            _length = offset;
            return map;
        }

        private int IndexOfName(PropertyTable table, int offset, int size)
        {
            for (int p = 0; p < table.Count; p++)
            {
                byte[] key = table.Key(p);
                if (key.Length - OneJsonWriter.KeyFramingBytes != size)
                {
                    continue;
                }
                int c = 0;
                while (c < size && _buffer[offset + c] == key[OneJsonWriter.KeyNameOffset + c])
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
