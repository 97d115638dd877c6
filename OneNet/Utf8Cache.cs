namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// The UTF-8 of recently used strings (identifiers, member names), found by value: encoded once, then reused, so
    /// writing or matching the same names again allocates nothing. Round-robin when full (a miss then encodes again).
    /// A cache made for JSON keys holds OneJsonWriter.EncodeKey's bytes ("name":) instead of the plain UTF-8.
    /// </summary>
    public sealed class Utf8Cache
    {
        private readonly string[] _strings;
        private readonly byte[][] _bytes;
        private readonly bool _jsonKeys;
        private int _next;

        public Utf8Cache(int capacity)
            : this(capacity, false)
        {
        }

        public Utf8Cache(int capacity, bool jsonKeys)
        {
            _strings = new string[capacity];
            _bytes = new byte[capacity][];
            _jsonKeys = jsonKeys;
        }

        public byte[] Get(string s)
        {
            for (int i = 0; i < _strings.Length; i++)
            {
                if (_strings[i] == s && _strings[i] != null) return _bytes[i];
            }
            byte[] bytes = _jsonKeys ? OneJsonWriter.EncodeKey(s) : Utf8Text.Encode(s);
            _strings[_next] = s;
            _bytes[_next] = bytes;
            _next = (_next + 1) % _strings.Length;
            return bytes;
        }
    }
}
