namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// The UTF-8 of recently used strings (identifiers, member names), found by value: encoded once, then reused, so
    /// writing or matching the same names again allocates nothing. Round-robin when full (a miss then encodes again).
    /// A cache made for JSON keys holds OneJsonWriter.EncodeKey's bytes ("name":) instead of the plain UTF-8. Its arrays
    /// are made at the first Get: the node's own paths pass pre-encoded keys, so on the device the caches of the writer
    /// and the reader usually stay empty and hold no heap (docs/performance.md "Heap held per feature").
    /// </summary>
    public sealed class Utf8Cache
    {
        private readonly int _capacity;
        private readonly bool _jsonKeys;
        private string[] _strings;
        private byte[][] _bytes;
        private int _next;

        public Utf8Cache(int capacity)
            : this(capacity, false)
        {
        }

        public Utf8Cache(int capacity, bool jsonKeys)
        {
            _capacity = capacity;
            _jsonKeys = jsonKeys;
        }

        public byte[] Get(string s)
        {
            if (_strings == null)
            {
                _strings = new string[_capacity];
                _bytes = new byte[_capacity][];
            }
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
