namespace OneNetFirmware.Runtime
{
    /// <summary>Receives the outbox's unacknowledged readings, oldest first (Outbox.ForEachPending), e.g. to save them.</summary>
    public interface IOutboxVisitor
    {
        /// <param name="hasUtc">False when the clock was never valid since the reading was taken.</param>
        /// <param name="utcMs">The reading's UTC time in Unix ms when hasUtc.</param>
        /// <param name="monoMs">The monotonic time it was taken at (meaningful only within this boot).</param>
        void Visit(int property, double value, bool hasUtc, long utcMs, long monoMs);
    }
}
