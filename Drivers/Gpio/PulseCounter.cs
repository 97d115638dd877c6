namespace OneNetFirmware.Drivers.Gpio
{
    /// <summary>
    /// A rain gauge or flow meter: edges from the interrupt counter, two edges per pulse, a running total and a rate
    /// per minute over windows of at least one minute, both times Scale (units per pulse).
    /// </summary>
    public sealed class PulseCounter
    {
        private readonly double _scale;
        private long _edges;
        private long _windowStartPulses;
        private long _windowStartMs;
        private bool _started;

        public PulseCounter(double scale)
        {
            _scale = scale;
            RatePerMinute = double.NaN;
        }

        /// <summary>Whole pulses since start.</summary>
        public long Pulses { get { return _edges / 2; } }

        /// <summary>Pulses times Scale (e.g. mm of rain).</summary>
        public double Total { get { return Pulses * _scale; } }

        /// <summary>Scaled units per minute over the last full window; NaN until one window has passed.</summary>
        public double RatePerMinute { get; private set; }

        /// <summary>Adds the edges taken from the port at nowMs; true when a new rate was computed.</summary>
        public bool Add(int edges, long nowMs)
        {
            if (edges > 0) _edges += edges;
            if (!_started)
            {
                _started = true;
                _windowStartMs = nowMs;
                _windowStartPulses = Pulses;
                return false;
            }
            long elapsed = nowMs - _windowStartMs;
            if (elapsed < DriverDefaults.RateWindowMilliseconds) return false;
            RatePerMinute = (Pulses - _windowStartPulses) * _scale * DriverDefaults.RateWindowMilliseconds / elapsed;
            _windowStartMs = nowMs;
            _windowStartPulses = Pulses;
            return true;
        }
    }
}
