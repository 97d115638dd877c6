using OneNetFirmware.OneNet.Ports;

namespace NFUnitTest.OneNet
{
    /// <summary>
    /// A test ISigner for one known message: it checks the key bytes and the message it gets and returns a precomputed
    /// HMAC, so the token assembly is tested on the device without a real HMAC. Null when the inputs differ.
    /// </summary>
    internal sealed class FixedSigner : ISigner
    {
        private readonly string _method;
        private readonly byte[] _key;
        private readonly char[] _message; // ASCII; as chars, never s[i] on the device (NF0010)
        private readonly byte[] _mac;

        public FixedSigner(string method, byte[] key, string message, byte[] mac)
        {
            _method = method;
            _key = key;
            _message = message.ToCharArray();
            _mac = mac;
        }

        public bool Supports(string method)
        {
            return method == _method;
        }

        public byte[] Hmac(string method, byte[] key, byte[] message, int messageLength)
        {
            if (method != _method || key.Length != _key.Length || messageLength != _message.Length) return null;
            for (int i = 0; i < key.Length; i++)
            {
                if (key[i] != _key[i]) return null;
            }
            for (int i = 0; i < messageLength; i++)
            {
                if (message[i] != _message[i]) return null;
            }
            return _mac;
        }
    }
}
