namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// Codes the node answers downlinks with. OneNET documents only 200; the rest are the node's own (ONENET.md §4.1:
    /// the code is passed through to the application), chosen to read like HTTP.
    /// </summary>
    public static class ReplyCodes
    {
        public const int Success = 200;
        public const int Malformed = 400;
        public const int UnknownIdentifier = 404;
        public const int ReadOnly = 405;
        public const int WrongType = 406;
        public const int OutOfRange = 416;
        public const int Failed = 500;
    }
}
