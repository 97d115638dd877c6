namespace OneNetFirmware.Drivers.Gpio
{
    /// <summary>
    /// A contact, PIR or button polled by the main loop: the state changes only after the raw level has stayed at the
    /// new value for the debounce time. Active means "closed / motion / pressed": low with a pull-up, high otherwise.
    /// </summary>
    public sealed class DebouncedInput
    {
        private readonly bool _activeLow;
        private readonly int _debounceMilliseconds;
        private bool _candidate;
        private long _candidateSinceMs;
        private bool _started;

        public DebouncedInput(GpioPull pull, int debounceMilliseconds)
        {
            _activeLow = pull == GpioPull.Up;
            _debounceMilliseconds = debounceMilliseconds < 0 ? 0 : debounceMilliseconds;
        }

        /// <summary>The debounced state.</summary>
        public bool Active { get; private set; }

        /// <summary>Feeds the raw level read at nowMs; true when Active changed (a OneNET event is due).</summary>
        public bool Update(bool high, long nowMs)
        {
            bool active = high != _activeLow;
            if (!_started)
            {
                // The first level is the starting state, not a change.
                _started = true;
                Active = active;
                _candidate = active;
                _candidateSinceMs = nowMs;
                return false;
            }
            if (active != _candidate)
            {
                _candidate = active;
                _candidateSinceMs = nowMs;
            }
            if (_candidate != Active && nowMs - _candidateSinceMs >= _debounceMilliseconds)
            {
                Active = _candidate;
                return true;
            }
            return false;
        }
    }
}
