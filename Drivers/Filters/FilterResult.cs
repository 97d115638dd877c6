namespace OneNetFirmware.Drivers.Filters
{
    /// <summary>What a channel filter decided about one sample.</summary>
    public enum FilterResult
    {
        /// <summary>Outside the valid range (or NaN): a failed reading, not averaged.</summary>
        Rejected = 0,
        /// <summary>Accepted and averaged, but not due for reporting (delta not reached, heartbeat not due).</summary>
        Hold = 1,
        /// <summary>Report Value now.</summary>
        Report = 2,
    }
}
