using OneNetFirmware.Runtime.Ports;
using System;

namespace OneNetFirmware.Runtime
{
    /// <summary>IRandomSource over System.Random (on the device seed it from something board-specific).</summary>
    public sealed class SystemRandomSource : IRandomSource
    {
        private readonly Random _random;

        public SystemRandomSource(int seed)
        {
            _random = new Random(seed);
        }

        public int Next(int maxExclusive)
        {
            return maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
        }
    }
}
