namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// A parsed downlink, preallocated and refilled by IDownlinkParser:
    /// requests (set/get/invoke): Id and the params as names with values (get: names only, kind None);
    /// replies (post reply, desired/get and desired/delete reply): IdNumber (no Id string), Code, Msg only when Code is
    /// not 200, and for desired/get the data's "value" and "version" per name.
    /// </summary>
    public sealed class DownlinkMessage
    {
        public const int None = 0;
        public const int Number = 1;
        public const int Bool = 2;
        public const int Text = 3;
        /// <summary>An object, array or null where a plain value was expected.</summary>
        public const int Other = 4;

        /// <summary>The request's id text (requests only: the reply echoes it); null for replies.</summary>
        public string Id;
        /// <summary>A reply's id as a number when it is a string of 1–13 digits, else -1: replies are matched by it.</summary>
        public long IdNumber = -1;
        public int Code;
        /// <summary>A reply's msg when its code is not 200 (for the log); null otherwise.</summary>
        public string Msg;
        public int Count;
        public readonly string[] Names;
        /// <summary>The value of a Number; 1 or 0 for a Bool.</summary>
        public readonly double[] Numbers;
        public readonly int[] Kinds;
        /// <summary>desired/get reply: the version of each desired value, -1 when the platform gave none.</summary>
        public readonly long[] Versions;

        public DownlinkMessage(int capacity)
        {
            Names = new string[capacity];
            Numbers = new double[capacity];
            Kinds = new int[capacity];
            Versions = new long[capacity];
        }

        public int Capacity { get { return Names.Length; } }

        /// <summary>The id as one of the node's request ids (0 … int.MaxValue, as RequestIds gives); false otherwise.</summary>
        public bool TryGetRequestId(out int id)
        {
            id = IdNumber >= 0 && IdNumber <= int.MaxValue ? (int)IdNumber : 0;
            return IdNumber >= 0 && IdNumber <= int.MaxValue;
        }

        public void Clear()
        {
            Id = null;
            IdNumber = -1;
            Code = 0;
            Msg = null;
            Count = 0;
        }
    }
}
