using System;
using System.Security.Cryptography;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// ISigner on the ESP32 over the native HMACSHA256 (docs/nanoframework.md#crypto) — the only HMAC the device has, so it
    /// supports "sha256" alone (ConfigValidator/the runtime refuse md5/sha1 on the device).
    /// </summary>
    public class HmacSigner : ISigner
    {
        public bool Supports(string method)
        {
            return method == "sha256";
        }

        public byte[] Hmac(string method, byte[] key, byte[] message, int messageLength)
        {
            if (!Supports(method))
            {
                throw new ArgumentException("only sha256 on the device");
            }
            // ComputeHash takes a whole array: copy only when the caller's buffer is longer than the message.
            byte[] exact = message;
            if (messageLength != message.Length)
            {
                exact = new byte[messageLength];
                Array.Copy(message, exact, messageLength);
            }
            using (HMACSHA256 hmac = new HMACSHA256(key))
            {
                return hmac.ComputeHash(exact);
            }
        }
    }
}
