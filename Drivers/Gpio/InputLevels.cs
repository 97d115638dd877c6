using System.Threading;

namespace OneNetFirmware.Drivers.Gpio
{
    /// <summary>
    /// The last level read from each input pin, so the main loop's poll (ten times a second) reads the hardware only
    /// when it may have changed: on nanoCLR a pin read allocates (the level comes back as a PinValue struct, a heap
    /// object there: docs/performance.md "Outside the node"). A pin is read again after any edge event the GPIO driver
    /// reported (Changed, from its event thread), and at least every DriverDefaults.InputResyncMilliseconds in case an
    /// edge event was lost. Changed is thread-safe; the rest belongs to the polling thread.
    /// </summary>
    public sealed class InputLevels
    {
        private readonly int[] _changed;
        private readonly bool[] _level;
        private readonly long[] _readAtMs;
        private readonly bool[] _known;

        public InputLevels(int pins)
        {
            _changed = new int[pins];
            _level = new bool[pins];
            _readAtMs = new long[pins];
            _known = new bool[pins];
        }

        /// <summary>The GPIO driver saw an edge on pin (any thread).</summary>
        public void Changed(int pin)
        {
            Interlocked.Exchange(ref _changed[pin], 1);
        }

        /// <summary>True when pin must be read at nowMs: never read, an edge since, or the resync is due.</summary>
        public bool MustRead(int pin, long nowMs)
        {
            bool changed = Interlocked.Exchange(ref _changed[pin], 0) != 0;
            return changed || !_known[pin] || nowMs - _readAtMs[pin] >= DriverDefaults.InputResyncMilliseconds;
        }

        /// <summary>Keeps the level pin was just read at.</summary>
        public void Read(int pin, bool high, long nowMs)
        {
            _level[pin] = high;
            _readAtMs[pin] = nowMs;
            _known[pin] = true;
        }

        /// <summary>The level pin was last read at.</summary>
        public bool Level(int pin)
        {
            return _level[pin];
        }
    }
}
