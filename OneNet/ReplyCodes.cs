namespace OneNetFirmware.OneNet
{
    /// <summary>
    /// The codes this firmware puts in set_reply / get_reply / invoke_reply. docs/onenet-protocol.md#topics-and-payloads: 200 is success and the
    /// error codes are the device's to choose (they are passed through to the application), so we use HTTP-like ones.
    /// </summary>
    public static class ReplyCodes
    {
        /// <summary>Success.</summary>
        public const int Success = 200;
        /// <summary>The payload is not valid JSON, too deep, or the envelope is wrong (no params, wrong shape).</summary>
        public const int Malformed = 400;
        /// <summary>An identifier (property or service) this node does not have.</summary>
        public const int UnknownIdentifier = 404;
        /// <summary>The property is read-only (an input) and cannot be set.</summary>
        public const int NotWritable = 405;
        /// <summary>The payload does not fit the node's buffers.</summary>
        public const int TooLarge = 413;
        /// <summary>A value of the wrong JSON type or out of the property's range.</summary>
        public const int WrongType = 422;
        /// <summary>The node could not carry out the request (e.g. hardware error).</summary>
        public const int Failed = 500;

        // Fields, not literals: on the device every use of a literal allocates a new string (docs/performance.md).
        private static readonly string SuccessText = "success";
        private static readonly string MalformedText = "malformed request";
        private static readonly string UnknownIdentifierText = "unknown identifier";
        private static readonly string NotWritableText = "not writable";
        private static readonly string TooLargeText = "request too large";
        private static readonly string WrongTypeText = "wrong type or out of range";
        private static readonly string FailedText = "failed";

        /// <summary>The short msg text for a code (the same string each time: no allocation).</summary>
        public static string Message(int code)
        {
            switch (code)
            {
                case Success: return SuccessText;
                case Malformed: return MalformedText;
                case UnknownIdentifier: return UnknownIdentifierText;
                case NotWritable: return NotWritableText;
                case TooLarge: return TooLargeText;
                case WrongType: return WrongTypeText;
                default: return FailedText;
            }
        }
    }
}
