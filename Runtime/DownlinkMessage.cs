namespace OneNetFirmware.Runtime
{
    /// <summary>
    /// A parsed downlink, preallocated and refilled by IDownlinkParser:
    /// requests (set/get/invoke): Id and the params as names with values (get: names only, kind None);
    /// replies (post reply, desired/get and desired/delete reply): Id, Code, Msg, and for desired/get the data's "value"
    /// and "version" per name.
    /// </summary>
    public sealed class DownlinkMessage
    {
        public const int None = 0;
        public const int Number = 1;
        public const int Bool = 2;
        public const int Text = 3;
        /// <summary>An object, array or null where a plain value was expected.</summary>
        public const int Other = 4;

        public string Id;
        public int Code;
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

        public void Clear()
        {
            Id = null;
            Code = 0;
            Msg = null;
            Count = 0;
        }
    }
}
