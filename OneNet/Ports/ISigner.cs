namespace OneNetFirmware.OneNet.Ports
{
    /// <summary>
    /// HMAC for the OneNET token (docs/onenet-protocol.md#the-token). The device has only HMACSHA256 (nanoFramework
    /// System.Security.Cryptography), so it supports "sha256" alone; the host supports md5, sha1 and sha256.
    /// </summary>
    public interface ISigner
    {
        /// <summary>True for the token methods ("md5", "sha1", "sha256") this signer can compute.</summary>
        bool Supports(string method);

        /// <summary>HMAC_method(key, message[0..messageLength)); the key is raw bytes (it may contain 0x00).</summary>
        byte[] Hmac(string method, byte[] key, byte[] message, int messageLength);
    }
}
