namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// The UTF-8 of recently used strings (identifiers, member names), found by value: encoded once, then reused, so
    /// writing or matching the same names again allocates nothing. Round-robin when full (a miss then encodes again).
    /// </summary>
    public sealed class Utf8Cache
    {
        private readonly string[] _strings;
        private readonly byte[][] _bytes;
        private int _next;

        public Utf8Cache(int capacity)
        {
            _strings = new string[capacity];
            _bytes = new byte[capacity][];
        }

        public byte[] Get(string s)
        {
            for (int i = 0; i < _strings.Length; i++)
            {
                if (_strings[i] == s && _strings[i] != null) return _bytes[i];
            }
            byte[] bytes = Utf8Text.Encode(s);
            _strings[_next] = s;
            _bytes[_next] = bytes;
            _next = (_next + 1) % _strings.Length;
            return bytes;
        }
    }
}
