namespace OneNetFirmware.OneNet
{
    // OneJsonWriter, part 3: upper bounds of what each public call writes (bytes), from the same pre-encoded fragments, so
    // a caller can size its buffer from its identifiers once (docs/performance.md "Payload buffer"). Each bound counts the
    // separator ',' before an item whether or not one is written: never below what the call writes, at most a byte over.
    public partial class OneJsonWriter
    {
        /// <summary>Digits of a request/post id the node makes (an int: 0 … 2,147,483,647).</summary>
        public const int MaxPostIdDigits = 10;
        /// <summary>
        /// Digits of a UTC time in ms: 13 until the year 2286. A later time would still be written; the post would just
        /// not fit a buffer sized with this and be degraded by its caller.
        /// </summary>
        public const int MaxTimeDigits = 13;
        /// <summary>Digits of a request id OneNET sends (a numeric string of at most 13 digits, docs/onenet-protocol.md).</summary>
        public const int MaxReplyIdDigits = 13;
        /// <summary>Digits of a reply code: ReplyCodes are HTTP-like three-digit numbers.</summary>
        public const int MaxReplyCodeDigits = 3;
        /// <summary>The longest long: "-9223372036854775808".</summary>
        public const int MaxLongBytes = 20;
        /// <summary>The longest int: "-2147483648".</summary>
        public const int MaxIntBytes = 11;
        /// <summary>"false".</summary>
        public const int MaxBoolBytes = 5;

        /// <summary>
        /// The longest double written with decimals (WriteDouble after CanWrite): at most 19 digits in all (the value is
        /// below 9e18 once scaled), a '-' and, with decimals, a '.': 20 bytes, or 21 with decimals.
        /// </summary>
        public static int MaxNumberBytes(int decimals)
        {
            return decimals > 0 ? 21 : 20;
        }

        /// <summary>The envelope of a property, event or desired/delete post: {"id":"…","version":"1.0","params":{ … }}.</summary>
        public static int MaxPostBytes()
        {
            return RequestHead.Length + MaxPostIdDigits + RequestTail.Length + 3;
        }

        /// <summary>The envelope of a history post: {"id":"…","version":"1.0","params":[{"properties":{ … }}]}.</summary>
        public static int MaxHistoryPostBytes()
        {
            return RequestHead.Length + MaxPostIdDigits + RequestTail.Length + 2 + PropertiesKey.Length + 1 + 4;
        }

        /// <summary>The envelope of a desired/get: {"id":"…","version":"1.0","params":[ … ]}.</summary>
        public static int MaxDesiredGetBytes()
        {
            return RequestHead.Length + MaxPostIdDigits + RequestTail.Length + 3;
        }

        /// <summary>One Property/PropertyText call: ,"key":{"value":v,"time":t} with a value of at most valueBytes.</summary>
        public static int MaxPropertyBytes(byte[] key, int valueBytes, bool timed)
        {
            return 1 + key.Length + MaxValueBytes(valueBytes, timed);
        }

        /// <summary>BeginHistory(key) and EndHistory around points: ,"key":[ … ].</summary>
        public static int MaxHistoryBytes(byte[] key)
        {
            return 1 + key.Length + 2;
        }

        /// <summary>One Point call: ,{"value":v,"time":t}.</summary>
        public static int MaxPointBytes(int valueBytes)
        {
            return 1 + MaxValueBytes(valueBytes, true);
        }

        /// <summary>BeginEvent(key), one Member of the given size, EndEvent(time): ,"key":{"value":{member},"time":t}.</summary>
        public static int MaxEventBytes(byte[] key, int memberBytes)
        {
            return 1 + key.Length + MaxValueBytes(2 + memberBytes, true);
        }

        /// <summary>One DesiredGetName call: ,"identifier".</summary>
        public static int MaxDesiredGetNameBytes(byte[] key)
        {
            return key.Length;
        }

        /// <summary>One DesiredDeleteMember call: ,"key":{"version":v} (v is at least 1: no sign, 19 digits at most).</summary>
        public static int MaxDesiredDeleteBytes(byte[] key)
        {
            return 1 + key.Length + 1 + VersionKey.Length + MaxLongBytes - 1 + 1;
        }

        /// <summary>
        /// BeginReply with a request id OneNET sends and msg (null: the longest standard one), then End():
        /// {"id":"…","code":c,"msg":"…"}. Encodes msg: call it once, at startup.
        /// </summary>
        public static int MaxReplyBytes(string msg)
        {
            int text = msg == null ? 0 : EncodeText(msg).Length;
            for (int i = 0; msg == null && i < Messages.Length; i++)
            {
                if (Messages[i].Length > text) text = Messages[i].Length;
            }
            return 1 + IdKey.Length + 2 + MaxReplyIdDigits + 1 + CodeKey.Length + MaxReplyCodeDigits + 1 + MsgKey.Length
                + text + 1;
        }

        /// <summary>BeginData: ,"data":{ … }.</summary>
        public static int MaxDataBytes()
        {
            return 1 + DataKey.Length + 2;
        }

        /// <summary>One Member call: ,"key":v.</summary>
        public static int MaxMemberBytes(byte[] key, int valueBytes)
        {
            return 1 + key.Length + valueBytes;
        }

        // {"value":v,"time":t} (time left out when not timed).
        private static int MaxValueBytes(int valueBytes, bool timed)
        {
            return ValueHead.Length + valueBytes + (timed ? TimeMember.Length + MaxTimeDigits : 0) + 1;
        }
    }
}
