namespace OneNetFirmware.Runtime.Sampling
{
    /// <summary>What the latest Sample call produced for one channel.</summary>
    public enum ChannelOutcome
    {
        /// <summary>The sensor was not due (or this channel has never been sampled).</summary>
        NotDue = 0,
        /// <summary>Sampled and accepted, but the filter holds it back (delta not reached, heartbeat not due).</summary>
        Hold = 1,
        /// <summary>Publish Value now.</summary>
        Report = 2,
        /// <summary>The read failed (Status says why) or the filter rejected the value (Status = OutOfRange).</summary>
        Failed = 3,
    }
}
