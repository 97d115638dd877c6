using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.OneNet;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// Checks a CONNECT's user name, client id and token (docs/onenet-protocol.md). CONNACK codes, the emulator's choice where
    /// OneNET's documents leave it open: an unknown product or device (also a client id that is no device name) → 4, as observed;
    /// a token that is malformed, expired, for another resource or wrongly signed → 5 ("非法链接(比如token非法)").
    /// </summary>
    public static class TokenVerifier
    {
        public const string Version = OneNetToken.Version;
        private static readonly HmacSigner Signer = new();

        public readonly record struct Result(int ConnackCode, string Reason)
        {
            public bool Accepted => ConnackCode == 0;
        }

        public static Result Verify(string password, string productId, string clientId, IReadOnlyList<RegisteredDevice> devices, DateTimeOffset now)
        {
            if (string.IsNullOrEmpty(productId) || string.IsNullOrEmpty(clientId)) return Refuse(4, "missing user name or client id");
            RegisteredDevice device = DeviceRegistry.FindDevice(devices, productId, clientId);
            RegisteredDevice productKey = DeviceRegistry.FindProductKey(devices, productId);
            if (device == null && productKey == null)
            {
                bool productKnown = false;
                foreach (RegisteredDevice d in devices) productKnown |= d.ProductId == productId;
                return Refuse(4, productKnown ? "unknown device '" + clientId + "'" : "unknown product '" + productId + "'");
            }
            Dictionary<string, string> fields = Parse(password);
            if (fields == null) return Refuse(5, "token is not version=…&res=…&et=…&method=…&sign=…");
            string version = fields["version"], res = fields["res"], et = fields["et"], method = fields["method"], sign = fields["sign"];
            if (version != Version) return Refuse(5, "token version must be " + Version);
            if (method != "md5" && method != "sha1" && method != "sha256") return Refuse(5, "token method must be md5, sha1 or sha256");
            if (!long.TryParse(et, System.Globalization.NumberStyles.None, null, out long expiresAt)) return Refuse(5, "token et is not a number");
            if (expiresAt <= now.ToUnixTimeSeconds()) return Refuse(5, "token expired (et " + expiresAt + " <= now " + now.ToUnixTimeSeconds() + ")");

            string deviceRes = "products/" + productId + "/devices/" + clientId;
            string productRes = "products/" + productId;
            var keys = new List<string>();
            if (res == deviceRes)
            {
                if (device != null) keys.Add(device.Key);
                if (productKey != null) keys.Add(productKey.Key);
            }
            else if (res == productRes)
            {
                if (productKey != null) keys.Add(productKey.Key);
                else return Refuse(5, "product-level token but the product has no product key");
            }
            else
            {
                return Refuse(5, "token res '" + res + "' is not " + deviceRes);
            }
            foreach (string key in keys)
            {
                // The expected token is minted by the firmware's own portable code; only its sign is compared.
                string expected;
                try
                {
                    expected = Parse(OneNetToken.Build(productId, res == deviceRes ? clientId : null, key, method, expiresAt, Signer))["sign"];
                }
                catch (ArgumentException)
                {
                    return Refuse(5, "token cannot be checked for client id '" + clientId + "'");
                }
                if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sign))) return new Result(0, "accepted");
            }
            return Refuse(5, "token signature does not match");
        }

        /// <summary>
        /// sign = base64(HMAC_method(key, et\nmethod\nres\nversion)) — docs/onenet-protocol.md#the-token, with the host's HmacSigner (the
        /// ISigner the portable OneNetToken uses on the host); for tests that mint tokens with arbitrary res.
        /// </summary>
        internal static string Sign(string method, byte[] key, string stringForSignature)
        {
            byte[] message = Encoding.UTF8.GetBytes(stringForSignature);
            return Convert.ToBase64String(Signer.Hmac(method, key, message, message.Length));
        }

        /// <summary>The five fields, URL-decoded (upper- or lower-case %XX); null when one is missing, repeated or unknown.</summary>
        internal static Dictionary<string, string> Parse(string token)
        {
            if (string.IsNullOrEmpty(token)) return null;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string pair in token.Split('&'))
            {
                int eq = pair.IndexOf('=');
                if (eq <= 0) return null;
                string name = pair.Substring(0, eq);
                if (name != "version" && name != "res" && name != "et" && name != "method" && name != "sign") return null;
                string value;
                try
                {
                    value = Uri.UnescapeDataString(pair.Substring(eq + 1));
                }
                catch (UriFormatException)
                {
                    return null;
                }
                if (!fields.TryAdd(name, value)) return null;
            }
            return fields.Count == 5 ? fields : null;
        }

        private static Result Refuse(int code, string reason) => new(code, reason);
    }
}
