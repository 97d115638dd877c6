using OneNetFirmware.OneNet.Ports;

namespace NFUnitTest.OneNet.Node
{
    /// <summary>A sha256 ISigner returning 32 zero bytes: the token's shape is under test, not the HMAC.</summary>
    internal sealed class ZeroSigner : ISigner
    {
        public bool Supports(string method)
        {
            return method == "sha256";
        }

        public byte[] Hmac(string method, byte[] key, byte[] message, int messageLength)
        {
            return new byte[32];
        }
    }
}
