namespace NFUnitTest.OneNet
{
    /// <summary>ASCII/UTF-8 helpers for the tests (the device has no Encoding class).</summary>
    internal static class Bytes
    {
        /// <summary>bytes[offset … offset+count) as a string of byte-valued chars (exact for ASCII).</summary>
        public static string Text(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++) chars[i] = (char)bytes[offset + i];
            return new string(chars);
        }

        /// <summary>The ASCII string as bytes.</summary>
        public static byte[] Of(string ascii)
        {
            char[] chars = ascii.ToCharArray(); // never s[i] on the device (NF0010)
            byte[] bytes = new byte[chars.Length];
            for (int i = 0; i < chars.Length; i++) bytes[i] = (byte)chars[i];
            return bytes;
        }
    }
}
