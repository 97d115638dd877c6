using System;

namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// Writes OneJSON payloads (docs/onenet-protocol.md) into a caller-owned byte[] without allocating after construction.
    /// Usage: Begin… ; members ; End() → the payload length, or -1 when the buffer was too small (nothing usable
    /// was produced then: never send the buffer after -1). NaN/±Infinity (and values too large for the configured
    /// decimals) are never written: the property, parameter or point is skipped.
    /// </summary>
    public sealed partial class OneJsonWriter
    {
        /// <summary>Pass as timeMs when the clock is not synced: the "time" member is left out.</summary>
        public const long NoTime = -1;
        /// <summary>OneNET accepts at most 100 points per identifier in one history post.</summary>
        public const int MaxHistoryPoints = OneNetDefaults.MaxPointsPerIdentifier;
        private const int MaxDepth = 8;
        private const int DigitsSize = 20;

        private static readonly long[] Pow10 = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000 };
        // "00" … "99": numbers are written two digits per lookup (docs/performance.md: the interpreter pays per IL
        // instruction, so one division per two digits instead of one per digit).
        private static readonly byte[] DigitPairs = BuildDigitPairs();

        private byte[] _buf;
        private int _start;
        private int _end;
        private int _pos;
        private bool _overflow;
        private int _depth;
        private int _decimals = 2;
        private int _historyPoints;
        private readonly bool[] _hasItem = new bool[MaxDepth];
        private readonly byte[] _closer = new byte[MaxDepth];
        private readonly byte[] _digits = new byte[DigitsSize];
        // ,"time":<digits> of the last time written: the points of a post mostly share one time, so it is formatted once.
        private readonly byte[] _timeText = new byte[DigitsSize + 8];
        private int _timeLength;
        private long _timeMs = -1;
        /// <summary>Distinct names a payload may use before the cache starts to re-encode (and allocate).</summary>
        public const int NameCacheSize = 64;
        // Names given as strings, encoded once as keys ("name":). Hot paths pass keys from EncodeKey instead.
        private readonly Utf8Cache _keys = new Utf8Cache(NameCacheSize, true);
        // Literals and fixed fragments pre-encoded once: on the device every use of a string literal allocates, and one
        // Array.Copy of a fragment runs natively where a byte loop runs instruction by instruction (docs/performance.md).
        private static readonly byte[] NullBytes = Utf8Text.Encode("null");
        private static readonly byte[] NullKey = Utf8Text.Encode("null:");
        private static readonly byte[] TrueBytes = Utf8Text.Encode("true");
        private static readonly byte[] FalseBytes = Utf8Text.Encode("false");
        private static readonly byte[] RequestHead = Utf8Text.Encode("{\"id\":\"");
        private static readonly byte[] RequestTail = Utf8Text.Encode("\",\"version\":\"1.0\",\"params\":");
        private static readonly byte[] ValueHead = Utf8Text.Encode("{\"value\":");
        private static readonly byte[] TimeMember = Utf8Text.Encode(",\"time\":");
        private static readonly byte[] IdKey = EncodeKey("id");
        private static readonly byte[] CodeKey = EncodeKey("code");
        private static readonly byte[] MsgKey = EncodeKey("msg");
        private static readonly byte[] DataKey = EncodeKey("data");
        private static readonly byte[] VersionKey = EncodeKey("version");
        private static readonly byte[] PropertiesKey = EncodeKey("properties");
        private static readonly int[] MessageCodes =
        {
            ReplyCodes.Success, ReplyCodes.Malformed, ReplyCodes.UnknownIdentifier, ReplyCodes.NotWritable,
            ReplyCodes.TooLarge, ReplyCodes.WrongType, ReplyCodes.Failed,
        };
        private static readonly byte[][] Messages = EncodeMessages();

        public OneJsonWriter(byte[] buffer, int offset, int length)
        {
            SetBuffer(buffer, offset, length);
        }

        /// <summary>Writes into buffer[offset … offset+length) from now on.</summary>
        public void SetBuffer(byte[] buffer, int offset, int length)
        {
            _buf = buffer;
            _start = offset;
            _end = offset + length;
            Reset();
        }

        /// <summary>Decimals written for double/float values (0–9, default 2); rounded half away from zero, trailing zeros dropped.</summary>
        public int Decimals
        {
            get { return _decimals; }
            set { _decimals = value < 0 ? 0 : (value > 9 ? 9 : value); }
        }

        /// <summary>The offset in the buffer where payloads start.</summary>
        public int Offset { get { return _start; } }

        // ---- encoding once (startup) ----

        /// <summary>
        /// The key "name": as JSON (quotes, escapes, UTF-8, colon), for the byte[] overloads: encode each identifier once
        /// at startup and pass the result on every payload, so writing it is one copy and allocates nothing.
        /// </summary>
        public static byte[] EncodeKey(string name)
        {
            return Quote(name, true);
        }

        /// <summary>Where a key's name starts in EncodeKey's bytes (after the opening quote).</summary>
        public const int KeyNameOffset = 1;

        /// <summary>The bytes of EncodeKey's framing around the name: the two quotes and the colon.</summary>
        public const int KeyFramingBytes = 3;

        /// <summary>A JSON string value "text" (quotes, escapes, UTF-8), for PropertyText: encode a repeated text once.</summary>
        public static byte[] EncodeText(string text)
        {
            return Quote(text, false);
        }

        // ---- requests ----

        /// <summary>{"id":"id","version":"1.0","params":{ — then <see cref="Property(string,double,long)"/>… and End().</summary>
        public void BeginPropertyPost(int id)
        {
            BeginRequest(id);
            Open((byte)'{');
        }

        /// <summary>Same envelope as a property post; then BeginEvent / Param… / EndEvent, and End().</summary>
        public void BeginEventPost(int id)
        {
            BeginPropertyPost(id);
        }

        /// <summary>{"id":"id","version":"1.0","params":[{"properties":{ — then BeginHistory / Point… / EndHistory, and End().</summary>
        public void BeginHistoryPost(int id)
        {
            BeginRequest(id);
            Open((byte)'[');
            Separator();
            Open((byte)'{');
            Key(PropertiesKey);
            Open((byte)'{');
        }

        /// <summary>A whole desired/get request: {"id":"id","version":"1.0","params":["a","b"]}; returns the length or -1.</summary>
        public int DesiredGet(int id, string[] identifiers, int count)
        {
            BeginDesiredGet(id);
            for (int i = 0; i < count; i++) DesiredGetName(KeyOf(identifiers[i]));
            return End();
        }

        /// <summary>{"id":"id","version":"1.0","params":[ — then DesiredGetName(key) per identifier and End().</summary>
        public void BeginDesiredGet(int id)
        {
            BeginRequest(id);
            Open((byte)'[');
        }

        /// <summary>One identifier of a desired/get, given as its key (EncodeKey): written as "identifier".</summary>
        public void DesiredGetName(byte[] key)
        {
            Separator();
            PutRange(key, 0, key.Length - 1);
        }

        /// <summary>{"id":"id","version":"1.0","params":{ — then DesiredDeleteMember(…) per identifier and End().</summary>
        public void BeginDesiredDelete(int id)
        {
            BeginPropertyPost(id);
        }

        /// <summary>"identifier":{"version":v}: deleted only while the platform's version is still v; with a version below
        /// 1, "identifier":{} (deleted whatever its version).</summary>
        public void DesiredDeleteMember(string identifier, long version)
        {
            DesiredDeleteMember(KeyOf(identifier), version);
        }

        /// <summary>As DesiredDeleteMember(string, long) with the identifier's key (EncodeKey).</summary>
        public void DesiredDeleteMember(byte[] key, long version)
        {
            Key(key);
            Open((byte)'{');
            if (version >= 1)
            {
                Key(VersionKey);
                WriteLong(version);
            }
            Close();
        }

        public void Property(string identifier, double value, long timeMs)
        {
            Property(KeyOf(identifier), value, timeMs);
        }

        public void Property(string identifier, int value, long timeMs)
        {
            Property(KeyOf(identifier), (long)value, timeMs);
        }

        public void Property(string identifier, long value, long timeMs)
        {
            Property(KeyOf(identifier), value, timeMs);
        }

        public void Property(string identifier, bool value, long timeMs)
        {
            Property(KeyOf(identifier), value, timeMs);
        }

        public void Property(string identifier, string value, long timeMs)
        {
            BeginValue(KeyOf(identifier));
            WriteString(value);
            EndValue(timeMs);
        }

        /// <summary>"key"{"value":v,"time":t} with the identifier's key from EncodeKey (nothing encoded per call).</summary>
        public void Property(byte[] key, double value, long timeMs)
        {
            if (!CanWrite(value)) return;
            BeginValue(key);
            WriteDouble(value);
            EndValue(timeMs);
        }

        public void Property(byte[] key, long value, long timeMs)
        {
            BeginValue(key);
            WriteLong(value);
            EndValue(timeMs);
        }

        public void Property(byte[] key, bool value, long timeMs)
        {
            BeginValue(key);
            PutBytes(value ? TrueBytes : FalseBytes);
            EndValue(timeMs);
        }

        /// <summary>A text property whose value was encoded once with EncodeText (e.g. the reset reason).</summary>
        public void PropertyText(byte[] key, byte[] encodedText, long timeMs)
        {
            BeginValue(key);
            PutBytes(encodedText);
            EndValue(timeMs);
        }

        /// <summary>"identifier":{"value":{ — the event's output parameters follow as Member(…), then EndEvent.</summary>
        public void BeginEvent(string identifier)
        {
            BeginEvent(KeyOf(identifier));
        }

        /// <summary>As BeginEvent(string) with the identifier's key (EncodeKey).</summary>
        public void BeginEvent(byte[] key)
        {
            BeginValue(key);
            Open((byte)'{');
        }

        /// <summary>Closes the event's value object, adds "time" unless NoTime.</summary>
        public void EndEvent(long timeMs)
        {
            Close();
            EndValue(timeMs);
        }

        /// <summary>"identifier":[ — then up to 100 Point(…), then EndHistory.</summary>
        public void BeginHistory(string identifier)
        {
            BeginHistory(KeyOf(identifier));
        }

        /// <summary>As BeginHistory(string) with the identifier's key (EncodeKey).</summary>
        public void BeginHistory(byte[] key)
        {
            Key(key);
            Open((byte)'[');
            _historyPoints = 0;
        }

        /// <summary>{"value":v,"time":t}; false (nothing written) when 100 points are already there or v is not finite.</summary>
        public bool Point(double value, long timeMs)
        {
            if (_historyPoints >= MaxHistoryPoints || !CanWrite(value)) return false;
            BeginPoint();
            WriteDouble(value);
            EndValue(timeMs);
            return true;
        }

        /// <summary>{"value":true|false,"time":t} (a bool property's history); false when 100 points are already there.</summary>
        public bool Point(bool value, long timeMs)
        {
            if (_historyPoints >= MaxHistoryPoints) return false;
            BeginPoint();
            PutBytes(value ? TrueBytes : FalseBytes);
            EndValue(timeMs);
            return true;
        }

        private void BeginPoint()
        {
            _historyPoints++;
            Separator();
            OpenValue();
        }

        public void EndHistory()
        {
            Close();
        }

        // ---- replies ----

        /// <summary>{"id":"…","code":code,"msg":"…" with the id copied from the request (raw JSON string content, see
        /// OneJsonReader.IdOffset/IdLength; idLength &lt; 0 writes "id":null). Then optionally BeginData + Member…, and End().
        /// msg null (or a code's standard text) is written from pre-encoded bytes.</summary>
        public void BeginReply(byte[] idSource, int idOffset, int idLength, int code, string msg)
        {
            Reset();
            Open((byte)'{');
            Key(IdKey);
            if (idLength < 0)
            {
                PutBytes(NullBytes);
            }
            else
            {
                Put((byte)'"');
                PutRange(idSource, idOffset, idLength);
                Put((byte)'"');
            }
            EndReplyHead(code, msg);
        }

        /// <summary>A reply with a string id (e.g. ota/inform_reply).</summary>
        public void BeginReply(string id, int code, string msg)
        {
            Reset();
            Open((byte)'{');
            Key(IdKey);
            WriteString(id);
            EndReplyHead(code, msg);
        }

        /// <summary>,"data":{ — bare values follow as Member(…) (get_reply, invoke_reply).</summary>
        public void BeginData()
        {
            Key(DataKey);
            Open((byte)'{');
        }

        // ---- bare members (event parameters, reply data) ----

        public void Member(string name, double value)
        {
            Member(KeyOf(name), value);
        }

        public void Member(string name, int value)
        {
            Member(KeyOf(name), (long)value);
        }

        public void Member(string name, long value)
        {
            Member(KeyOf(name), value);
        }

        public void Member(string name, bool value)
        {
            Member(KeyOf(name), value);
        }

        public void Member(string name, string value)
        {
            Key(KeyOf(name));
            WriteString(value);
        }

        /// <summary>"key":v with the name's key from EncodeKey.</summary>
        public void Member(byte[] key, double value)
        {
            if (!CanWrite(value)) return;
            Key(key);
            WriteDouble(value);
        }

        public void Member(byte[] key, long value)
        {
            Key(key);
            WriteLong(value);
        }

        public void Member(byte[] key, bool value)
        {
            Key(key);
            PutBytes(value ? TrueBytes : FalseBytes);
        }

        /// <summary>Closes every open object/array; the payload length, or -1 when the buffer was too small.</summary>
        public int End()
        {
            while (_depth > 0) Close();
            return _overflow ? -1 : _pos - _start;
        }

        // ---- internals ----
    }
}
