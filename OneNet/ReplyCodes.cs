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

        /// <summary>The short msg text for a code.</summary>
        public static string Message(int code)
        {
            switch (code)
            {
                case Success: return "success";
                case Malformed: return "malformed request";
                case UnknownIdentifier: return "unknown identifier";
                case NotWritable: return "not writable";
                case TooLarge: return "request too large";
                case WrongType: return "wrong type or out of range";
                default: return "failed";
            }
        }
    }
}
