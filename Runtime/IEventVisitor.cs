namespace OneNetFirmware.Runtime
{
    /// <summary>Receives the unacknowledged input events, oldest first (EventOutbox.ForEachPending), e.g. to save them.</summary>
    public interface IEventVisitor
    {
        /// <param name="eventIndex">The event's index in the EventTable.</param>
        /// <param name="hasUtc">False when the clock was never valid since the event happened.</param>
        /// <param name="timeMs">hasUtc: the event's UTC time in Unix ms; else the monotonic time it happened at
        /// (meaningful only within this boot).</param>
        void VisitEvent(int eventIndex, bool value, bool hasUtc, long timeMs);
    }
}
