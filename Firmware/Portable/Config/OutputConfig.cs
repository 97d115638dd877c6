namespace OneNetFirmware.Config
{
    /// <summary>A digital output (relay, LED) whose state is a writable OneNET property.</summary>
    public class OutputConfig
    {
        /// <summary>relay or led.</summary>
        public string Type { get; set; }
        public int Pin { get; set; } = -1;
        public string Identifier { get; set; }
        public bool ActiveLow { get; set; }
        public bool InitialOn { get; set; }
    }
}
