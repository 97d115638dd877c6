namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// UTF-8 of a string without indexing it: on nanoCLR s[i] returns the high surrogate for both halves of a surrogate
    /// pair, so text is walked through ToCharArray (docs/device-runtime.md "Text"). Pairs become 4 bytes, a lone
    /// surrogate U+FFFD. Encode allocates; hot paths keep its results (Utf8Cache, or fields set up at startup).
    /// </summary>
    public static class Utf8Text
    {
        public static byte[] Encode(string s)
        {
            char[] chars = s.ToCharArray();
            byte[] bytes = new byte[Write(chars, null)];
            Write(chars, bytes);
            return bytes;
        }

        // Writes the UTF-8 of chars into bytes (when not null); returns the byte count either way.
        private static int Write(char[] chars, byte[] bytes)
        {
            int n = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                int c = chars[i];
                if (c < 0x80)
                {
                    if (bytes != null) bytes[n] = (byte)c;
                    n += 1;
                }
                else if (c < 0x800)
                {
                    if (bytes != null)
                    {
                        bytes[n] = (byte)(0xC0 | (c >> 6));
                        bytes[n + 1] = (byte)(0x80 | (c & 0x3F));
                    }
                    n += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < chars.Length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (chars[i + 1] - 0xDC00);
                    i++;
                    if (bytes != null)
                    {
                        bytes[n] = (byte)(0xF0 | (cp >> 18));
                        bytes[n + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                        bytes[n + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                        bytes[n + 3] = (byte)(0x80 | (cp & 0x3F));
                    }
                    n += 4;
                }
                else
                {
                    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
                    if (bytes != null)
                    {
                        bytes[n] = (byte)(0xE0 | (c >> 12));
                        bytes[n + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                        bytes[n + 2] = (byte)(0x80 | (c & 0x3F));
                    }
                    n += 3;
                }
            }
            return n;
        }
    }
}
