using System;
using OneNetFirmware.OneNet;

namespace OneNetFirmware.Runtime.Node
{
    /// <summary>
    /// The JSON keys ("identifier":) of a table's identifiers by index, encoded the first time each is written
    /// (OneJsonWriter.EncodeKey) and then reused: a hit is one reference comparison, so writing the same identifiers in
    /// every payload allocates nothing. A different string object at an index (a table built anew) is encoded again.
    /// </summary>
    public sealed class IdentifierKeys
    {
        private string[] _identifiers = new string[0];
        private byte[][] _keys = new byte[0][];

        public byte[] Get(int index, string identifier)
        {
            if (index >= _identifiers.Length) Grow(index + 1);
            if ((object)_identifiers[index] != (object)identifier)
            {
                _keys[index] = OneJsonWriter.EncodeKey(identifier);
                _identifiers[index] = identifier;
            }
            return _keys[index];
        }

        private void Grow(int size)
        {
            var identifiers = new string[size];
            var keys = new byte[size][];
            Array.Copy(_identifiers, identifiers, _identifiers.Length);
            Array.Copy(_keys, keys, _keys.Length);
            _identifiers = identifiers;
            _keys = keys;
        }
    }
}
