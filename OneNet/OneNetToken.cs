using System;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// The OneNET MQTT password (docs/onenet-protocol.md#the-token): version=2018-10-31&amp;res=…&amp;et=…&amp;method=…&amp;sign=…
    /// Built before every connect attempt, so it may allocate (a few strings); never logged.
    /// </summary>
    public static class OneNetToken
    {
        public const string Version = "2018-10-31";

        /// <summary>res for MQTT: products/{pid}/devices/{name}; deviceName null or empty gives products/{pid}.</summary>
        public static string Resource(string productId, string deviceName)
        {
            if (!TextRules.IsProductId(productId)) throw new ArgumentException("productId must be 1-32 characters [A-Za-z0-9_-]");
            if (deviceName == null || deviceName.Length == 0) return "products/" + productId;
            if (!TextRules.IsDeviceName(deviceName)) throw new ArgumentException("deviceName must be 1-64 characters [A-Za-z0-9_-]");
            return "products/" + productId + "/devices/" + deviceName;
        }

        /// <summary>
        /// The token for res (see <see cref="Resource"/>); keyBase64 is the console key, method md5/sha1/sha256, et Unix seconds.
        /// Throws ArgumentException naming the bad field; the signer must support the method.
        /// </summary>
        public static string Build(string productId, string deviceName, string keyBase64, string method, long expiresUnixSeconds, ISigner signer)
        {
            string res = Resource(productId, deviceName);
            if (!TextRules.IsBase64(keyBase64)) throw new ArgumentException("key must be the Base64 key from the OneNET console");
            if (method != "md5" && method != "sha1" && method != "sha256") throw new ArgumentException("method must be md5, sha1 or sha256");
            if (expiresUnixSeconds <= 0) throw new ArgumentException("et must be a positive Unix time in seconds");
            if (signer == null || !signer.Supports(method)) throw new ArgumentException("method " + method + " is not supported by this signer");
            byte[] key = Convert.FromBase64String(keyBase64);
            string et = expiresUnixSeconds.ToString();
            byte[] message = Ascii(et + "\n" + method + "\n" + res + "\n" + Version);
            byte[] mac = signer.Hmac(method, key, message, message.Length);
            Array.Clear(key, 0, key.Length);
            string sign = Convert.ToBase64String(mac);
            return "version=" + Version + "&res=" + UrlEncode(res) + "&et=" + et + "&method=" + method + "&sign=" + UrlEncode(sign);
        }

        /// <summary>True when the token would already be rejected: et is not later than now. The runtime never connects with one.</summary>
        public static bool IsExpired(long expiresUnixSeconds, long nowUnixSeconds)
        {
            return expiresUnixSeconds <= nowUnixSeconds;
        }

        /// <summary>Encodes exactly the 8 characters of docs/onenet-protocol.md#the-token (+ space / ? % # &amp; =) with upper-case hex.</summary>
        public static string UrlEncode(string s)
        {
            int extra = 0;
            char[] source = s.ToCharArray(); // never s[i]: docs/device-runtime.md "Text"
            for (int i = 0; i < source.Length; i++)
            {
                if (NeedsEscape(source[i])) extra += 2;
            }
            if (extra == 0) return s;
            char[] chars = new char[source.Length + extra];
            int n = 0;
            for (int i = 0; i < source.Length; i++)
            {
                char c = source[i];
                if (NeedsEscape(c))
                {
                    chars[n++] = '%';
                    chars[n++] = Hex(c >> 4);
                    chars[n++] = Hex(c & 0xF);
                }
                else
                {
                    chars[n++] = c;
                }
            }
            return new string(chars, 0, n);
        }

        private static bool NeedsEscape(char c)
        {
            return c == '+' || c == ' ' || c == '/' || c == '?' || c == '%' || c == '#' || c == '&' || c == '=';
        }

        private static char Hex(int d)
        {
            return (char)(d < 10 ? '0' + d : 'A' + d - 10);
        }

        // Every character of the string for signature is ASCII (validated names, digits, method, version), so its
        // UTF-8 is its ASCII.
        private static byte[] Ascii(string s)
        {
            return Utf8Text.Encode(s);
        }
    }
}
