namespace OneNetFirmware.Config
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
            int begin = text.IndexOf(Begin);
            if (begin < 0)
            {
                return false;
            }
            int end = text.IndexOf(End, begin + Begin.Length);
            return end > begin + Begin.Length && text.Substring(begin + Begin.Length, end - begin - Begin.Length).Trim().Length > 0;
        }
    }
}
