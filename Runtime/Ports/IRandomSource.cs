namespace OneNetFirmware.Runtime.Ports
{
    /// <summary>Where the backoff's jitter comes from; injected so tests replay exactly.</summary>
    public interface IRandomSource
    {
        /// <summary>A uniformly random integer in [0, maxExclusive); 0 when maxExclusive is 0 or less.</summary>
        int Next(int maxExclusive);
    }
}
