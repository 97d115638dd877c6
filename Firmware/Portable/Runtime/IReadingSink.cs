namespace OneNetFirmware.Runtime
{
    /// <summary>Where a sampler puts each published value (after the channel's filters), by property index.</summary>
    public interface IReadingSink
    {
        void Add(int propertyIndex, double value);
    }
}
