namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Every OneNET property the node publishes or accepts, by index (readings carry the index, not the string).
    /// Filled once at start from the configuration: sensor channels, outputs, and the built-in writable intervals.
    /// </summary>
    public sealed class PropertyTable
    {
        private readonly string[] _identifiers;
        private readonly PropertyKind[] _kinds;
        private readonly int[] _decimals;
        private readonly byte[][] _utf8;
        private int _count;

        public PropertyTable(int capacity)
        {
            _identifiers = new string[capacity];
            _kinds = new PropertyKind[capacity];
            _decimals = new int[capacity];
            _utf8 = new byte[capacity][];
        }

        public int Count { get { return _count; } }

        /// <summary>Adds a property and returns its index; an identifier already present keeps its first index.</summary>
        public int Add(string identifier, PropertyKind kind, int decimals)
        {
            int existing = IndexOf(identifier);
            if (existing >= 0)
            {
                return existing;
            }
            _identifiers[_count] = identifier;
            _kinds[_count] = kind;
            _decimals[_count] = decimals;
            _utf8[_count] = OneNetFirmware.OneNet.Utf8Text.Encode(identifier);
            return _count++;
        }

        /// <summary>The index of identifier (case-sensitive, as in OneNET), or -1.</summary>
        public int IndexOf(string identifier)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_identifiers[i] == identifier)
                {
                    return i;
                }
            }
            return -1;
        }

        public string Identifier(int index) { return _identifiers[index]; }

        public PropertyKind Kind(int index) { return _kinds[index]; }

        public int Decimals(int index) { return _decimals[index]; }

        /// <summary>The identifier's UTF-8, encoded once when it was added (for byte-wise writing and matching).</summary>
        public byte[] IdentifierUtf8(int index) { return _utf8[index]; }
    }
}
