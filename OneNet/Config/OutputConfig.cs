namespace OneNetFirmware.OneNet.Config
{
    /// <summary>A digital output (relay, LED) whose state is a writable OneNET property.</summary>
    public class OutputConfig
    {
        /// <summary>relay or led.</summary>
        public string Type { get; set; }
        public int Pin { get; set; } = -1;
        public string Identifier { get; set; }
        public bool ActiveLow { get; set; }
        /// <summary>The state at boot when there is no saved state (first boot, damaged record, RestoreState false).</summary>
        public bool InitialOn { get; set; }
        /// <summary>Save the last commanded state in the node record and apply it at boot (after any reset).</summary>
        public bool RestoreState { get; set; } = true;
    }
}
