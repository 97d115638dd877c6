namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Every OneNET event the node posts, by index (queued events carry the index, not the string): its identifier
    /// and the name of its one bool output parameter. Filled once at start from the configuration (NodeEvents).
    /// </summary>
    public sealed class EventTable
    {
        private readonly string[] _identifiers;
        private readonly string[] _parameters;
        private int _count;

        public EventTable(int capacity)
        {
            _identifiers = new string[capacity];
            _parameters = new string[capacity];
        }

        public int Count { get { return _count; } }

        /// <summary>Adds an event and returns its index; an identifier already present keeps its first index.</summary>
        public int Add(string identifier, string parameter)
        {
            int existing = IndexOf(identifier);
            if (existing >= 0)
            {
                return existing;
            }
            _identifiers[_count] = identifier;
            _parameters[_count] = parameter;
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

        /// <summary>The output parameter inside the event's value object, e.g. "open" in {"open":true}.</summary>
        public string Parameter(int index) { return _parameters[index]; }
    }
}
