namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// Reads OneJSON downlinks (docs/onenet-protocol.md) in place over the raw payload bytes. <see cref="Read"/> validates the
    /// whole payload first (strict JSON, valid UTF-8, depth ≤ <see cref="MaxDepth"/>, top level an object without
    /// duplicate envelope keys) and never throws; afterwards the envelope (id, code, msg) and the members of params or
    /// data are walked without allocating. Only the *Text() methods allocate, for strings that must be handed out.
    /// Identifiers are compared in place (<see cref="NameEquals"/>); an identifier written with \u escapes does not match.
    /// </summary>
    public sealed partial class OneJsonReader
    {
        /// <summary>Deepest nesting of objects/arrays accepted (OneJSON needs 4).</summary>
        public const int MaxDepth = 16;
        /// <summary>Ids are numeric strings of at most 13 digits.</summary>
        public const int MaxIdDigits = 13;
        /// <summary>How far <see cref="ScanId"/> looks into a payload (OneNET puts the id first).</summary>
        public const int IdScanBytes = 128;

        private const int TopId = 0, TopCode = 1, TopMsg = 2, TopParams = 3, TopData = 4, TopCount = 5;
        // Pre-encoded once (docs/device-runtime.md "Text": strings are never indexed; literals allocate on the device).
        private static readonly byte[][] TopNames = { Utf8Text.Encode("id"), Utf8Text.Encode("code"), Utf8Text.Encode("msg"), Utf8Text.Encode("params"), Utf8Text.Encode("data") };
        private static readonly byte[] ValueName = Utf8Text.Encode("value");
        private static readonly byte[] VersionName = Utf8Text.Encode("version");
        private static readonly byte[] TrueWord = Utf8Text.Encode("true");
        private static readonly byte[] FalseWord = Utf8Text.Encode("false");
        private static readonly byte[] NullWord = Utf8Text.Encode("null");
        /// <summary>Identifiers and texts compared against, encoded once (the property table's names repeat).</summary>
        private readonly Utf8Cache _comparands = new Utf8Cache(32);
        private static readonly double[] Exact = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

        private readonly byte[] _stack = new byte[MaxDepth];
        private readonly int[] _topStart = new int[TopCount];
        private readonly int[] _topEnd = new int[TopCount];
        private byte[] _b;
        private int _end;
        private int _cursor;
        private int _nameStart;
        private int _nameEnd;
        private int _valStart;
        private int _valEnd;

        /// <summary>
        /// Validates payload[offset … offset+length) and reads the envelope. Returns ReplyCodes.Success, or
        /// ReplyCodes.Malformed for anything that is not a well-formed JSON object (nothing else is usable then).
        /// </summary>
        public int Read(byte[] payload, int offset, int length)
        {
            int p = Start(payload, offset, length);
            if (p < 0 || !Validate(p))
            {
                for (int i = 0; i < TopCount; i++) _topStart[i] = -1;
                return ReplyCodes.Malformed;
            }
            return ReplyCodes.Success;
        }

        // Resets the reader onto payload[offset … offset+length): the position of the opening '{', or -1.
        private int Start(byte[] payload, int offset, int length)
        {
            _b = payload;
            for (int i = 0; i < TopCount; i++) _topStart[i] = _topEnd[i] = -1;
            _cursor = -1;
            _valStart = _valEnd = _nameStart = _nameEnd = -1;
            if (payload == null || offset < 0 || length < 0 || offset > payload.Length - length)
            {
                _end = 0;
                return -1;
            }
            _end = offset + length;
            int p = SkipWs(offset);
            return p < _end && _b[p] == (byte)'{' ? p : -1;
        }

        /// <summary>
        /// For a payload Read refuses (not JSON, truncated, or only the head of one too large to keep): finds the
        /// top-level "id" within the first <see cref="IdScanBytes"/> so the node can still answer with an error. Everything
        /// up to the id must be strict JSON (the same checks as Read), the id a string of 1–13 digits followed by ',' or
        /// '}' (or the end of the scan); anything else means no id. Afterwards only the id accessors apply. Never throws,
        /// no allocation.
        /// </summary>
        public bool ScanId(byte[] payload, int offset, int length)
        {
            int p = Start(payload, offset, length > IdScanBytes ? IdScanBytes : length);
            if (p < 0) return false;
            // Validate records each top-level member as it goes and stops at the first fault: keep only a complete id.
            Validate(p);
            int start = _topStart[TopId];
            bool found = start >= 0 && _topEnd[TopId] > start && IsTop(TopId, JsonKind.String) && IdNumber >= 0;
            int after = found ? SkipWs(_topEnd[TopId]) : 0;
            found = found && (after == _end || _b[after] == (byte)',' || _b[after] == (byte)'}');
            for (int i = 0; i < TopCount; i++) _topStart[i] = -1;
            if (found) _topStart[TopId] = start;
            return found;
        }

        // ---- envelope ----

        /// <summary>Offset of the id's raw string content (between the quotes), for OneJsonWriter.BeginReply; see IdLength.</summary>
        public int IdOffset { get { return IsTop(TopId, JsonKind.String) ? _topStart[TopId] + 1 : 0; } }

        /// <summary>Length of the id's raw string content, -1 when there is no string id.</summary>
        public int IdLength { get { return IsTop(TopId, JsonKind.String) ? _topEnd[TopId] - _topStart[TopId] - 2 : -1; } }

        /// <summary>The payload buffer (for copying the id).</summary>
        public byte[] Buffer { get { return _b; } }

        /// <summary>The id as a number when it is a string of 1–13 digits, else -1 (matching replies to requests, no allocation).</summary>
        public long IdNumber
        {
            get
            {
                int n = IdLength;
                if (n < 1 || n > MaxIdDigits) return -1;
                long v = 0;
                int p = IdOffset;
                for (int i = 0; i < n; i++)
                {
                    int d = _b[p + i] - '0';
                    if (d < 0 || d > 9) return -1;
                    v = v * 10 + d;
                }
                return v;
            }
        }

        /// <summary>The id text (allocates), null when there is none.</summary>
        public string IdText()
        {
            return IsTop(TopId, JsonKind.String) ? DecodeString(_topStart[TopId], _topEnd[TopId]) : null;
        }

        /// <summary>The reply's code, or -1 when absent or not an integer.</summary>
        public int Code
        {
            get
            {
                if (!IsTop(TopCode, JsonKind.Number)) return -1;
                long v;
                if (!ParseLong(_topStart[TopCode], _topEnd[TopCode], out v) || v < 0 || v > int.MaxValue) return -1;
                return (int)v;
            }
        }

        /// <summary>The reply's msg (allocates; for logging), null when absent.</summary>
        public string MsgText()
        {
            return IsTop(TopMsg, JsonKind.String) ? DecodeString(_topStart[TopMsg], _topEnd[TopMsg]) : null;
        }

        /// <summary>JsonKind of "params" (None when absent).</summary>
        public int ParamsKind { get { return TopKind(TopParams); } }

        /// <summary>JsonKind of "data" (None when absent).</summary>
        public int DataKind { get { return TopKind(TopData); } }

        /// <summary>Starts walking params (an object: NextMember; an array: NextElement). False when params is not a container.</summary>
        public bool OpenParams()
        {
            return Open(TopParams);
        }

        /// <summary>Starts walking data (desired/get reply). False when data is not a container.</summary>
        public bool OpenData()
        {
            return Open(TopData);
        }

        // ---- walking ----

        /// <summary>Moves to the next member of the opened object: NameEquals/NameText and the value accessors apply to it.</summary>
        public bool NextMember()
        {
            if (_cursor < 0) return false;
            int p = NextItem(_cursor);
            if (p < 0 || _b[p] != (byte)'"')
            {
                _cursor = -1;
                return false;
            }
            _cursor = ReadMember(p);
            return true;
        }

        /// <summary>Moves to the next element of the opened array: the value accessors apply to it.</summary>
        public bool NextElement()
        {
            if (_cursor < 0) return false;
            int p = NextItem(_cursor);
            if (p < 0)
            {
                _cursor = -1;
                return false;
            }
            _nameStart = _nameEnd = -1;
            _valStart = p;
            _valEnd = SkipValue(p);
            _cursor = _valEnd;
            return true;
        }

        /// <summary>True when the current member's name is exactly identifier (compared in place).</summary>
        public bool NameEquals(string identifier)
        {
            return _nameStart >= 0 && identifier != null && RawEquals(_nameStart, _nameEnd, _comparands.Get(identifier));
        }

        /// <summary>
        /// True when the current member's name is the name of key, an identifier encoded once by OneJsonWriter.EncodeKey
        /// ("name":), compared in place (no allocation).
        /// </summary>
        public bool NameIsKey(byte[] key)
        {
            return _nameStart >= 0 && key != null && RawEquals(_nameStart, _nameEnd, key, OneJsonWriter.KeyNameOffset,
                key.Length - OneJsonWriter.KeyFramingBytes);
        }

        /// <summary>True when the current value is a string equal to the name of key (as NameIsKey; no allocation).</summary>
        public bool ValueIsKey(byte[] key)
        {
            return ValueKind == JsonKind.String && key != null && RawEquals(_valStart, _valEnd, key,
                OneJsonWriter.KeyNameOffset, key.Length - OneJsonWriter.KeyFramingBytes);
        }

        /// <summary>The current member's name (allocates).</summary>
        public string NameText()
        {
            return _nameStart >= 0 ? DecodeString(_nameStart, _nameEnd) : null;
        }

        /// <summary>JsonKind of the current value; the runtime replies WrongType when it is not what the property needs.</summary>
        public int ValueKind { get { return _valStart >= 0 ? KindAt(_valStart) : JsonKind.None; } }

        /// <summary>True when the current value is a string exactly equal to text (compared in place).</summary>
        public bool ValueEquals(string text)
        {
            return ValueKind == JsonKind.String && text != null && RawEquals(_valStart, _valEnd, _comparands.Get(text));
        }

        /// <summary>The current string value (allocates), null when it is not a string.</summary>
        public string ValueText()
        {
            return ValueKind == JsonKind.String ? DecodeString(_valStart, _valEnd) : null;
        }

        /// <summary>The current value as a finite double; false when it is not a number or out of double range.</summary>
        public bool TryGetDouble(out double value)
        {
            value = 0;
            return ValueKind == JsonKind.Number && ParseDouble(_valStart, _valEnd, out value);
        }

        /// <summary>
        /// The current value as a finite double when it is a string holding exactly one JSON number ("30.5", "-2",
        /// "1e3": no spaces, no escapes); false for any other string or value.
        /// </summary>
        public bool TryGetNumberInString(out double value)
        {
            value = 0;
            if (ValueKind != JsonKind.String) return false;
            int start = _valStart + 1;
            int end = _valEnd - 1;
            // The closing quote stops the number grammar, so a valid number ends exactly there.
            return start < end && ValidateNumber(start) == end && ParseDouble(start, end, out value);
        }

        /// <summary>The current value as a bool when it is the string "true" or "false"; false otherwise.</summary>
        public bool TryGetBoolInString(out bool value)
        {
            value = false;
            if (ValueKind != JsonKind.String) return false;
            value = RawEquals(_valStart, _valEnd, TrueWord);
            return value || RawEquals(_valStart, _valEnd, FalseWord);
        }

        /// <summary>The current value as a long; false when it is not an integer number (fraction, exponent) or out of range.</summary>
        public bool TryGetLong(out long value)
        {
            value = 0;
            return ValueKind == JsonKind.Number && ParseLong(_valStart, _valEnd, out value);
        }

        /// <summary>The current value as a bool; false when it is not true/false.</summary>
        public bool TryGetBool(out bool value)
        {
            int kind = ValueKind;
            value = kind == JsonKind.True;
            return kind == JsonKind.True || kind == JsonKind.False;
        }

        /// <summary>
        /// For a desired/get reply member {"value":…,"version":n}: makes the inner "value" the current value and gives the
        /// version (-1 when absent). False when the member is not such an object (the current value is unchanged then).
        /// </summary>
        public bool SelectDesired(out long version)
        {
            version = -1;
            if (ValueKind != JsonKind.Object) return false;
            int outerNameStart = _nameStart, outerNameEnd = _nameEnd, outerStart = _valStart, outerEnd = _valEnd;
            int valueStart = -1, valueEnd = -1;
            int p = _valStart + 1;
            while ((p = NextItem(p)) >= 0)
            {
                p = ReadMember(p);
                if (RawEquals(_nameStart, _nameEnd, ValueName))
                {
                    valueStart = _valStart;
                    valueEnd = _valEnd;
                }
                else if (RawEquals(_nameStart, _nameEnd, VersionName) && KindAt(_valStart) == JsonKind.Number)
                {
                    long v;
                    if (ParseLong(_valStart, _valEnd, out v)) version = v;
                }
            }
            _nameStart = outerNameStart;
            _nameEnd = outerNameEnd;
            if (valueStart < 0)
            {
                _valStart = outerStart;
                _valEnd = outerEnd;
                version = -1;
                return false;
            }
            _valStart = valueStart;
            _valEnd = valueEnd;
            return true;
        }

        // ---- internals: walking validated JSON ----

        private bool IsTop(int which, int kind)
        {
            return _topStart[which] >= 0 && KindAt(_topStart[which]) == kind;
        }

        private int TopKind(int which)
        {
            return _topStart[which] >= 0 ? KindAt(_topStart[which]) : JsonKind.None;
        }

        private bool Open(int which)
        {
            int kind = TopKind(which);
            _nameStart = _nameEnd = _valStart = _valEnd = -1;
            if (kind != JsonKind.Object && kind != JsonKind.Array)
            {
                _cursor = -1;
                return false;
            }
            _cursor = _topStart[which] + 1;
            return true;
        }

        // From just after '{', '[' or an item: the start of the next item, or -1 at the closing bracket.
        private int NextItem(int p)
        {
            p = SkipWs(p);
            if (p < _end && _b[p] == (byte)',') p = SkipWs(p + 1);
            if (p >= _end || _b[p] == (byte)'}' || _b[p] == (byte)']') return -1;
            return p;
        }

        // p at a member's name: sets name and value ranges, returns the position after the value.
        private int ReadMember(int p)
        {
            _nameStart = p;
            _nameEnd = SkipString(p);
            p = SkipWs(SkipWs(_nameEnd) + 1);
            _valStart = p;
            _valEnd = SkipValue(p);
            return _valEnd;
        }

        private int KindAt(int p)
        {
            switch (_b[p])
            {
                case (byte)'"': return JsonKind.String;
                case (byte)'{': return JsonKind.Object;
                case (byte)'[': return JsonKind.Array;
                case (byte)'t': return JsonKind.True;
                case (byte)'f': return JsonKind.False;
                case (byte)'n': return JsonKind.Null;
                default: return JsonKind.Number;
            }
        }

        // End (exclusive) of a validated value starting at p.
        private int SkipValue(int p)
        {
            byte c = _b[p];
            if (c == (byte)'"') return SkipString(p);
            if (c == (byte)'{' || c == (byte)'[')
            {
                int depth = 0;
                while (p < _end)
                {
                    c = _b[p];
                    if (c == (byte)'"')
                    {
                        p = SkipString(p);
                        continue;
                    }
                    if (c == (byte)'{' || c == (byte)'[') depth++;
                    else if (c == (byte)'}' || c == (byte)']')
                    {
                        depth--;
                        if (depth == 0) return p + 1;
                    }
                    p++;
                }
                return _end;
            }
            while (p < _end)
            {
                c = _b[p];
                if (c == (byte)',' || c == (byte)'}' || c == (byte)']' || IsWs(c)) break;
                p++;
            }
            return p;
        }

        // End (exclusive, after the closing quote) of a validated string starting at its opening quote.
        private int SkipString(int p)
        {
            p++;
            while (p < _end)
            {
                byte c = _b[p];
                if (c == (byte)'\\') p += 2;
                else if (c == (byte)'"') return p + 1;
                else p++;
            }
            return _end;
        }
    }
}
