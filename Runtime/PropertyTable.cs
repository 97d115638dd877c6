using OneNetFirmware.OneNet;

namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Every OneNET property the node publishes or accepts, by index (readings carry the index, not the string).
    /// Filled once at start from the configuration: sensor channels, outputs, and the built-in writable intervals. Each
    /// identifier is also kept as its JSON key ("identifier":, OneJsonWriter.EncodeKey), encoded once: the writer copies
    /// it, the parser and the outbox file compare and save its name part (identifiers follow TextRules.IsIdentifier,
    /// ASCII without escapes, so the name part is the identifier's UTF-8).
    /// </summary>
    public sealed class PropertyTable
    {
        private readonly string[] _identifiers;
        private readonly PropertyKind[] _kinds;
        private readonly int[] _decimals;
        private readonly byte[][] _keys;
        private int _count;

        public PropertyTable(int capacity)
        {
            _identifiers = new string[capacity];
            _kinds = new PropertyKind[capacity];
            _decimals = new int[capacity];
            _keys = new byte[capacity][];
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
            _keys[_count] = OneJsonWriter.EncodeKey(identifier);
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

        /// <summary>
        /// The identifier as its JSON key ("identifier":), encoded once when it was added; its name part starts at
        /// OneJsonWriter.KeyNameOffset and is KeyFramingBytes shorter than the key.
        /// </summary>
        public byte[] Key(int index) { return _keys[index]; }
    }
}
