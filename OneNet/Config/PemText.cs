namespace OneNetFirmware.OneNet.Config
{
    /// <summary>Recognises a PEM certificate before it reaches the TLS stack, so a wrong file gives a clear error.</summary>
    public static class PemText
    {
        public const string Begin = "-----BEGIN CERTIFICATE-----";
        public const string End = "-----END CERTIFICATE-----";

        /// <summary>True when the text holds at least one BEGIN/END CERTIFICATE block with something between.</summary>
        public static bool IsCertificate(string text)
        {
            if (text == null)
            {
                return false;
            }
            // Searched as chars, never with string.IndexOf: a comment with text outside the BMP before the block would
            // throw the string's indexes off on the device (docs/device-runtime.md "Text").
            // Checked once at start: the markers are made here rather than held for good (docs/performance.md).
            char[] chars = text.ToCharArray();
            char[] beginChars = Begin.ToCharArray();
            int begin = Find(chars, beginChars, 0);
            if (begin < 0)
            {
                return false;
            }
            int body = begin + beginChars.Length;
            int end = Find(chars, End.ToCharArray(), body);
            if (end < 0)
            {
                return false;
            }
            for (int i = body; i < end; i++)
            {
                if (chars[i] > ' ') return true;
            }
            return false;
        }

        private static int Find(char[] text, char[] word, int from)
        {
            for (int i = from; i <= text.Length - word.Length; i++)
            {
                int k = 0;
                while (k < word.Length && text[i + k] == word[k]) k++;
                if (k == word.Length) return i;
            }
            return -1;
        }
    }
}
