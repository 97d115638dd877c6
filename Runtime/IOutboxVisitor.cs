namespace OneNetFirmware.Runtime
{
    /// <summary>Receives the outbox's unacknowledged readings, oldest first (Outbox.ForEachPending), e.g. to save them.</summary>
    public interface IOutboxVisitor
    {
        /// <param name="hasUtc">False when the clock was never valid since the reading was taken.</param>
        /// <param name="timeMs">hasUtc: the reading's UTC time in Unix ms; else the monotonic time it was taken at
        /// (meaningful only within this boot).</param>
        void Visit(int property, double value, bool hasUtc, long timeMs);
    }
}
