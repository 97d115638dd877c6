namespace OneNetFirmware.OneNet.Config
{
    /// <summary>The character rules OneNET puts on names (docs/onenet-protocol.md#identifiers), without Regex (not in mscorlib).</summary>
    public static class TextRules
    {
        /// <summary>Device names: [A-Za-z0-9_-]{1,64}.</summary>
        public static bool IsDeviceName(string s)
        {
            return IsNameChars(s, 64);
        }

        /// <summary>Product ids: alphanumeric (old ones numeric), 1–32 characters; '_' and '-' tolerated as in topic names.</summary>
        public static bool IsProductId(string s)
        {
            return IsNameChars(s, 32);
        }

        /// <summary>Thing-model identifiers, the conservative rule: [A-Za-z][A-Za-z0-9_]{0,19}.</summary>
        public static bool IsIdentifier(string s)
        {
            if (s == null || s.Length == 0 || s.Length > 20) return false;
            char[] chars = s.ToCharArray(); // never s[i]: docs/device-runtime.md "Text"
            if (!IsLetter(chars[0])) return false;
            for (int i = 1; i < chars.Length; i++)
            {
                char c = chars[i];
                if (!IsIdentifierChar(c)) return false;
            }
            return true;
        }

        /// <summary>A character an identifier may hold after its first letter: [A-Za-z0-9_].</summary>
        public static bool IsIdentifierChar(char c)
        {
            return IsLetter(c) || IsDigit(c) || c == '_';
        }

        /// <summary>Strict Base64: length a multiple of 4, alphabet A–Z a–z 0–9 + /, '=' padding only at the end.</summary>
        public static bool IsBase64(string s)
        {
            if (s == null || s.Length == 0 || s.Length % 4 != 0) return false;
            int padding = 0;
            char[] chars = s.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c == '=')
                {
                    padding++;
                    continue;
                }
                if (padding > 0) return false;
                if (!IsLetter(c) && !IsDigit(c) && c != '+' && c != '/') return false;
            }
            return padding <= 2;
        }

        /// <summary>Parses "0x44", "0X5c" or "68" into a value 0–127; -1 when it is none of these.</summary>
        public static int ParseI2cAddress(string s)
        {
            if (s == null || s.Length == 0) return -1;
            int value = 0;
            char[] c = s.ToCharArray();
            if (c.Length > 2 && c[0] == '0' && (c[1] == 'x' || c[1] == 'X'))
            {
                if (c.Length > 4) return -1;
                for (int i = 2; i < c.Length; i++)
                {
                    int d = HexValue(c[i]);
                    if (d < 0) return -1;
                    value = value * 16 + d;
                }
            }
            else
            {
                if (c.Length > 3) return -1;
                for (int i = 0; i < c.Length; i++)
                {
                    if (!IsDigit(c[i])) return -1;
                    value = value * 10 + (c[i] - '0');
                }
            }
            return value <= 127 ? value : -1;
        }

        private static bool IsNameChars(string s, int maxLength)
        {
            if (s == null || s.Length == 0 || s.Length > maxLength) return false;
            char[] chars = s.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (!IsLetter(c) && !IsDigit(c) && c != '_' && c != '-') return false;
            }
            return true;
        }

        private static bool IsLetter(char c)
        {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
