namespace OneNetFirmware.Drivers.Filters
{
    /// <summary>
    /// The per-channel pipeline: calibrate (raw·scale + offset), reject outside [min, max] (min == max: no range),
    /// moving average over N samples (preallocated ring), then delta-with-heartbeat: report when the average moved by at
    /// least delta since the last report, or when heartbeat seconds passed (delta 0 reports every sample).
    /// </summary>
    public sealed class ChannelFilter
    {
        private readonly double _scale;
        private readonly double _offset;
        private readonly double _min;
        private readonly double _max;
        private readonly double _delta;
        private readonly long _heartbeatMilliseconds;
        private readonly double[] _window;
        private int _count;
        private int _next;
        private bool _reported;
        private double _lastReported;
        private long _lastReportMilliseconds;

        public ChannelFilter(double scale, double offset, double min, double max, int averageSamples, double delta, int heartbeatSeconds)
        {
            _scale = scale;
            _offset = offset;
            _min = min;
            _max = max;
            _delta = delta < 0 ? -delta : delta;
            _heartbeatMilliseconds = heartbeatSeconds > 0 ? heartbeatSeconds * 1000L : 0;
            _window = new double[averageSamples < 1 ? 1 : averageSamples];
        }

        /// <summary>The calibrated, averaged value of the last accepted sample (NaN before the first).</summary>
        public double Value { get; private set; } = double.NaN;

        /// <summary>Feeds one raw sample taken at nowMs.</summary>
        public FilterResult Apply(double raw, long nowMs)
        {
            double value = raw * _scale + _offset;
            // NaN fails every comparison, so test for "inside" and reject the rest.
            bool inside = _min == _max ? !double.IsNaN(value) && !double.IsInfinity(value) : value >= _min && value <= _max;
            if (!inside) return FilterResult.Rejected;

            if (_count < _window.Length) _count++;
            _window[_next] = value;
            _next = (_next + 1) % _window.Length;
            // Summed afresh (at most 64 samples) so rounding cannot drift over months of running.
            double sum = 0;
            for (int i = 0; i < _count; i++) sum += _window[i];
            Value = sum / _count;

            bool due = !_reported
                || _delta == 0.0
                || Value - _lastReported >= _delta || _lastReported - Value >= _delta
                || (_heartbeatMilliseconds > 0 && nowMs - _lastReportMilliseconds >= _heartbeatMilliseconds);
            if (!due) return FilterResult.Hold;
            _reported = true;
            _lastReported = Value;
            _lastReportMilliseconds = nowMs;
            return FilterResult.Report;
        }
    }
}
