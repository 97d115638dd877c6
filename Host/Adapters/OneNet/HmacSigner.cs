using System;
using System.Security.Cryptography;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.OneNet
{
    /// <summary>The host's ISigner: HMAC-MD5/SHA1/SHA256 from System.Security.Cryptography (the device has sha256 only).</summary>
    public sealed class HmacSigner : ISigner
    {
        public bool Supports(string method)
        {
            return method == "md5" || method == "sha1" || method == "sha256";
        }

        public byte[] Hmac(string method, byte[] key, byte[] message, int messageLength)
        {
            ReadOnlySpan<byte> data = message.AsSpan(0, messageLength);
            return method switch
            {
                "md5" => HMACMD5.HashData(key, data),
                "sha1" => HMACSHA1.HashData(key, data),
                "sha256" => HMACSHA256.HashData(key, data),
                _ => throw new ArgumentException("method must be md5, sha1 or sha256", nameof(method)),
            };
        }
    }
}
