namespace OneNetFirmware.OneNet.Config
{
    /// <summary>The bounded stores of readings and input events waiting for OneNET's reply.</summary>
    public class OutboxConfig
    {
        public int CapacityReadings { get; set; } = 512;
        public int CapacityBytes { get; set; } = 16384;
        /// <summary>Contact/motion/button events kept until OneNET acknowledges them (the oldest go when full).</summary>
        public int CapacityEvents { get; set; } = 32;
        /// <summary>A post with no reply after this long is sent again.</summary>
        public int ReplyTimeoutSeconds { get; set; } = 10;
    }
}
