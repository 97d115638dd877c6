namespace OneNetFirmware.Config
{
    /// <summary>The bounded store of readings waiting for OneNET's reply.</summary>
    public class OutboxConfig
    {
        public int CapacityReadings { get; set; } = 512;
        public int CapacityBytes { get; set; } = 16384;
        /// <summary>A post with no reply after this long is sent again.</summary>
        public int ReplyTimeoutSeconds { get; set; } = 10;
    }
}
