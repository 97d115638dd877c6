namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// Writes OneJSON payloads (docs/onenet-protocol.md) into a caller-owned byte[] without allocating after construction.
    /// Usage: Begin… ; members ; End() → the payload length, or -1 when the buffer was too small (nothing usable
    /// was produced then: never send the buffer after -1). NaN/±Infinity (and values too large for the configured
    /// decimals) are never written: the property, parameter or point is skipped.
    /// </summary>
    public sealed class OneJsonWriter
    {
        /// <summary>Pass as timeMs when the clock is not synced: the "time" member is left out.</summary>
        public const long NoTime = -1;
        /// <summary>OneNET accepts at most 100 points per identifier in one history post.</summary>
        public const int MaxHistoryPoints = 100;
        private const int MaxDepth = 8;

        private static readonly long[] Pow10 = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000 };

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
        private readonly byte[] _digits = new byte[20];
        /// <summary>Distinct names a payload may use before the cache starts to re-encode (and allocate).</summary>
        public const int NameCacheSize = 64;
        private readonly Utf8Cache _names = new Utf8Cache(NameCacheSize);
        // Literals pre-encoded once: on the device every use of a string literal allocates.
        private static readonly byte[] NullBytes = Utf8Text.Encode("null");
        private static readonly byte[] TrueBytes = Utf8Text.Encode("true");
        private static readonly byte[] FalseBytes = Utf8Text.Encode("false");
        private static readonly byte[] VersionBytes = Utf8Text.Encode("\"1.0\"");
        private static readonly byte[] U00Bytes = Utf8Text.Encode("u00");

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
            Key("properties");
            Open((byte)'{');
        }

        /// <summary>A whole desired/get request: {"id":"id","version":"1.0","params":["a","b"]}; returns the length or -1.</summary>
        public int DesiredGet(int id, string[] identifiers, int count)
        {
            BeginRequest(id);
            Open((byte)'[');
            for (int i = 0; i < count; i++)
            {
                Separator();
                WriteName(identifiers[i]);
            }
            return End();
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
            Key(identifier);
            Open((byte)'{');
            if (version >= 1)
            {
                Key("version");
                WriteLong(version);
            }
            Close();
        }

        public void Property(string identifier, double value, long timeMs)
        {
            if (!CanWrite(value)) return;
            BeginValue(identifier);
            WriteDouble(value);
            EndValue(timeMs);
        }

        public void Property(string identifier, int value, long timeMs)
        {
            BeginValue(identifier);
            WriteLong(value);
            EndValue(timeMs);
        }

        public void Property(string identifier, long value, long timeMs)
        {
            BeginValue(identifier);
            WriteLong(value);
            EndValue(timeMs);
        }

        public void Property(string identifier, bool value, long timeMs)
        {
            BeginValue(identifier);
            WriteBool(value);
            EndValue(timeMs);
        }

        public void Property(string identifier, string value, long timeMs)
        {
            BeginValue(identifier);
            WriteString(value);
            EndValue(timeMs);
        }

        /// <summary>"identifier":{"value":{ — the event's output parameters follow as Member(…), then EndEvent.</summary>
        public void BeginEvent(string identifier)
        {
            BeginValue(identifier);
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
            Key(identifier);
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
            WriteBool(value);
            EndValue(timeMs);
            return true;
        }

        private void BeginPoint()
        {
            _historyPoints++;
            Separator();
            Open((byte)'{');
            Key("value");
        }

        public void EndHistory()
        {
            Close();
        }

        // ---- replies ----

        /// <summary>{"id":"…","code":code,"msg":"…" with the id copied from the request (raw JSON string content, see
        /// OneJsonReader.IdOffset/IdLength; idLength &lt; 0 writes "id":null). Then optionally BeginData + Member…, and End().</summary>
        public void BeginReply(byte[] idSource, int idOffset, int idLength, int code, string msg)
        {
            Reset();
            Open((byte)'{');
            Key("id");
            if (idLength < 0)
            {
                PutBytes(NullBytes);
            }
            else
            {
                Put((byte)'"');
                for (int i = 0; i < idLength; i++) Put(idSource[idOffset + i]);
                Put((byte)'"');
            }
            Key("code");
            WriteLong(code);
            Key("msg");
            WriteString(msg == null ? ReplyCodes.Message(code) : msg);
        }

        /// <summary>A reply with a string id (e.g. ota/inform_reply).</summary>
        public void BeginReply(string id, int code, string msg)
        {
            Reset();
            Open((byte)'{');
            Key("id");
            WriteString(id);
            Key("code");
            WriteLong(code);
            Key("msg");
            WriteString(msg == null ? ReplyCodes.Message(code) : msg);
        }

        /// <summary>,"data":{ — bare values follow as Member(…) (get_reply, invoke_reply).</summary>
        public void BeginData()
        {
            Key("data");
            Open((byte)'{');
        }

        // ---- bare members (event parameters, reply data) ----

        public void Member(string name, double value)
        {
            if (!CanWrite(value)) return;
            Key(name);
            WriteDouble(value);
        }

        public void Member(string name, int value)
        {
            Key(name);
            WriteLong(value);
        }

        public void Member(string name, long value)
        {
            Key(name);
            WriteLong(value);
        }

        public void Member(string name, bool value)
        {
            Key(name);
            WriteBool(value);
        }

        public void Member(string name, string value)
        {
            Key(name);
            WriteString(value);
        }

        /// <summary>Closes every open object/array; the payload length, or -1 when the buffer was too small.</summary>
        public int End()
        {
            while (_depth > 0) Close();
            return _overflow ? -1 : _pos - _start;
        }

        // ---- internals ----

        private void Reset()
        {
            _pos = _start;
            _overflow = false;
            if (_buf == null || _start < 0 || _end > _buf.Length || _end < _start)
            {
                _overflow = true;
                _end = _start; // nothing is ever written into a bad buffer
            }
            _depth = 0;
        }

        private void BeginRequest(int id)
        {
            Reset();
            Open((byte)'{');
            Key("id");
            Put((byte)'"');
            WriteLong(id);
            Put((byte)'"');
            Key("version");
            PutBytes(VersionBytes);
            Key("params");
        }

        private bool CanWrite(double value)
        {
            double limit = 9.0e18 / Pow10[_decimals];
            return value > -limit && value < limit; // false for NaN and ±Infinity as well
        }

        private void BeginValue(string identifier)
        {
            Key(identifier);
            Open((byte)'{');
            Key("value");
        }

        private void EndValue(long timeMs)
        {
            if (timeMs >= 0)
            {
                Key("time");
                WriteLong(timeMs);
            }
            Close();
        }

        private void Open(byte bracket)
        {
            Put(bracket);
            if (_depth >= MaxDepth)
            {
                _overflow = true;
                return;
            }
            _closer[_depth] = bracket == (byte)'{' ? (byte)'}' : (byte)']';
            _hasItem[_depth] = false;
            _depth++;
        }

        private void Close()
        {
            if (_depth == 0) return;
            _depth--;
            Put(_closer[_depth]);
        }

        private void Separator()
        {
            if (_depth == 0) return;
            if (_hasItem[_depth - 1]) Put((byte)',');
            _hasItem[_depth - 1] = true;
        }

        private void Key(string name)
        {
            Separator();
            WriteName(name);
            Put((byte)':');
        }

        private void WriteBool(bool value)
        {
            PutBytes(value ? TrueBytes : FalseBytes);
        }

        private void WriteLong(long value)
        {
            ulong u;
            if (value < 0)
            {
                Put((byte)'-');
                u = (ulong)(-(value + 1)) + 1;
            }
            else
            {
                u = (ulong)value;
            }
            WriteDigits(u, 1);
        }

        // Writes u with at least minDigits digits (leading zeros).
        private void WriteDigits(ulong u, int minDigits)
        {
            int n = 0;
            do
            {
                _digits[n++] = (byte)('0' + (int)(u % 10));
                u /= 10;
            }
            while (u != 0);
            while (n < minDigits) _digits[n++] = (byte)'0';
            while (n > 0) Put(_digits[--n]);
        }

        // Fixed-point with _decimals, half away from zero, trailing zeros dropped, never "-0". Caller checked CanWrite.
        private void WriteDouble(double value)
        {
            long scale = Pow10[_decimals];
            bool negative = value < 0;
            double magnitude = negative ? -value : value;
            long rounded = (long)(magnitude * scale + 0.5);
            if (rounded == 0)
            {
                Put((byte)'0');
                return;
            }
            if (negative) Put((byte)'-');
            WriteDigits((ulong)(rounded / scale), 1);
            long fraction = rounded % scale;
            if (fraction == 0) return;
            int digits = _decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            Put((byte)'.');
            WriteDigits((ulong)fraction, digits);
        }

        // A JSON string value: quotes, backslash and control characters escaped, the text as UTF-8 (Utf8Text: surrogate
        // pairs as 4 bytes, a lone surrogate as U+FFFD). Values are encoded each time; names go through the cache.
        private void WriteString(string s)
        {
            if (s == null)
            {
                PutBytes(NullBytes);
                return;
            }
            WriteQuoted(Utf8Text.Encode(s));
        }

        // An identifier or member name: the same few strings in every payload, encoded once (Utf8Cache).
        private void WriteName(string s)
        {
            if (s == null)
            {
                PutBytes(NullBytes);
                return;
            }
            WriteQuoted(_names.Get(s));
        }

        // Bytes of UTF-8 at or above 0x80 are never '"', '\' or control characters, so escaping byte by byte is exact.
        private void WriteQuoted(byte[] utf8)
        {
            Put((byte)'"');
            for (int i = 0; i < utf8.Length; i++)
            {
                byte b = utf8[i];
                if (b == '"' || b == '\\')
                {
                    Put((byte)'\\');
                    Put(b);
                }
                else if (b < 0x20)
                {
                    WriteControl(b);
                }
                else
                {
                    Put(b);
                }
            }
            Put((byte)'"');
        }

        private void WriteControl(int c)
        {
            Put((byte)'\\');
            switch (c)
            {
                case '\n': Put((byte)'n'); return;
                case '\r': Put((byte)'r'); return;
                case '\t': Put((byte)'t'); return;
                case '\b': Put((byte)'b'); return;
                case '\f': Put((byte)'f'); return;
            }
            PutBytes(U00Bytes);
            Put((byte)(c < 0x10 ? '0' : '1'));
            int low = c & 0xF;
            Put((byte)(low < 10 ? '0' + low : 'a' + low - 10));
        }

        private void PutBytes(byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++) Put(bytes[i]);
        }

        private void Put(byte b)
        {
            if (_pos < _end)
            {
                _buf[_pos++] = b;
            }
            else
            {
                _overflow = true;
            }
        }
    }
}
