namespace OneNetFirmware.Runtime
{
    /// <summary>Where a sampler puts each published value (after the channel's filters), by property index, and each input event.</summary>
    public interface IReadingSink
    {
        void Add(int propertyIndex, double value);

        /// <summary>A contact/motion/button changed now: the event's index in the EventTable and its parameter's value.</summary>
        void AddEvent(int eventIndex, bool value);
    }
}
