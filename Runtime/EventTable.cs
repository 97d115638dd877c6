namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Every OneNET event the node posts, by index (queued events carry the index, not the string): its identifier
    /// and the name of its one bool output parameter. Filled once at start from the configuration (NodeEvents).
    /// </summary>
    public sealed class EventTable
    {
        // The identifiers, with PropertyTable's rules (first index kept, case-sensitive lookup).
        private readonly PropertyTable _identifiers;
        private readonly string[] _parameters;

        public EventTable(int capacity)
        {
            _identifiers = new PropertyTable(capacity);
            _parameters = new string[capacity];
        }

        public int Count { get { return _identifiers.Count; } }

        /// <summary>The identifiers by event index (read-only use: e.g. the outbox file's name table).</summary>
        public PropertyTable Identifiers { get { return _identifiers; } }

        /// <summary>Adds an event and returns its index; an identifier already present keeps its first index and parameter.</summary>
        public int Add(string identifier, string parameter)
        {
            int count = _identifiers.Count;
            int index = _identifiers.Add(identifier, PropertyKind.Bool, 0);
            if (index == count)
            {
                _parameters[index] = parameter;
            }
            return index;
        }

        /// <summary>The index of identifier (case-sensitive, as in OneNET), or -1.</summary>
        public int IndexOf(string identifier) { return _identifiers.IndexOf(identifier); }

        public string Identifier(int index) { return _identifiers.Identifier(index); }

        /// <summary>The identifier as its JSON key, encoded once (PropertyTable.Key).</summary>
        public byte[] Key(int index) { return _identifiers.Key(index); }

        /// <summary>The output parameter inside the event's value object, e.g. "open" in {"open":true}.</summary>
        public string Parameter(int index) { return _parameters[index]; }
    }
}
