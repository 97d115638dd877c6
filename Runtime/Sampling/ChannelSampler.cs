using OneNetFirmware.Runtime;
using OneNetFirmware.Sensors;

namespace OneNetFirmware.Node
{
    /// <summary>
    /// The runtime's ISampler over the drivers' SensorSampler: each channel's identifier is mapped once to its
    /// PropertyTable index; Report outcomes go to the sink, Failed ones are counted. Counter inputs (InputPoller, may be
    /// null) are polled every call and publish their total and rate whenever a new rate is computed; every debounced change
    /// of a contact, motion or button input goes to the sink as its OneNET event (NodeEvents). Allocates nothing per sample.
    /// </summary>
    public sealed class ChannelSampler : ISampler
    {
        private readonly SensorSampler _sampler;
        private readonly int[] _propertyOf;
        private readonly double[] _latest;
        private readonly InputPoller _inputs;
        private readonly int[] _totalOf;
        private readonly int[] _rateOf;
        private readonly int[] _eventOf;
        private bool _polled;

        /// <param name="events">From NodeEvents.FromConfig(config), like the runtime's; may be null when inputs is null.</param>
        public ChannelSampler(SensorSampler sampler, InputPoller inputs, PropertyTable properties, EventTable events)
        {
            _sampler = sampler;
            _inputs = inputs;
            int n = inputs == null ? 0 : inputs.Inputs.Length;
            _totalOf = new int[n];
            _rateOf = new int[n];
            _eventOf = new int[n];
            for (int i = 0; i < n; i++)
            {
                InputChannel input = inputs.Inputs[i];
                _totalOf[i] = input.IsCounter ? properties.IndexOf(input.Identifier) : -1;
                _rateOf[i] = input.IsCounter && input.RateIdentifier != null && input.RateIdentifier.Length > 0
                    ? properties.IndexOf(input.RateIdentifier) : -1;
                _eventOf[i] = input.IsCounter || events == null ? -1 : events.IndexOf(input.Identifier);
            }
            SensorChannel[] channels = sampler.Channels;
            _propertyOf = new int[channels.Length];
            for (int c = 0; c < channels.Length; c++) _propertyOf[c] = properties.IndexOf(channels[c].Identifier);
            _latest = new double[properties.Count];
            for (int p = 0; p < _latest.Length; p++) _latest[p] = double.NaN;
        }

        public int SampleDue(long nowMs, bool forceAll, IReadingSink sink)
        {
            if (forceAll) _sampler.MarkAllDue();
            _sampler.Sample(nowMs);
            int failed = 0;
            SensorChannel[] channels = _sampler.Channels;
            for (int c = 0; c < channels.Length; c++)
            {
                SensorChannel channel = channels[c];
                int property = _propertyOf[c];
                ChannelOutcome outcome = channel.Outcome;
                if (outcome == ChannelOutcome.Failed)
                {
                    failed++;
                }
                else if (property >= 0 && (outcome == ChannelOutcome.Report || outcome == ChannelOutcome.Hold))
                {
                    _latest[property] = channel.Value;
                    if (outcome == ChannelOutcome.Report || forceAll) sink.Add(property, channel.Value);
                }
            }
            if (_inputs != null) PollInputs(nowMs, forceAll, sink);
            return failed;
        }

        private void PollInputs(long nowMs, bool forceAll, IReadingSink sink)
        {
            _inputs.Poll(nowMs);
            _polled = true;
            InputChannel[] inputs = _inputs.Inputs;
            for (int i = 0; i < inputs.Length; i++)
            {
                InputChannel input = inputs[i];
                if (_eventOf[i] >= 0 && input.Changed) sink.AddEvent(_eventOf[i], NodeEvents.Value(input.Type, input.Active));
                if (_totalOf[i] < 0) continue;
                _latest[_totalOf[i]] = input.Total;
                if (_rateOf[i] >= 0 && input.RateChanged) _latest[_rateOf[i]] = input.RatePerMinute;
                if (!input.RateChanged && !forceAll) continue;
                sink.Add(_totalOf[i], input.Total);
                if (_rateOf[i] >= 0 && !double.IsNaN(_latest[_rateOf[i]])) sink.Add(_rateOf[i], _latest[_rateOf[i]]);
            }
        }

        public bool SetIntervalSeconds(int seconds)
        {
            return _sampler.SetIntervalSeconds(seconds);
        }

        public int InputState(int pin)
        {
            InputChannel[] inputs = _inputs == null ? null : _inputs.Inputs;
            for (int i = 0; inputs != null && i < inputs.Length; i++)
            {
                if (_eventOf[i] >= 0 && inputs[i].Pin == pin && _polled)
                {
                    return inputs[i].Active ? 1 : 0;
                }
            }
            return -1;
        }

        public int SensorCount { get { return _sampler.SensorCount; } }

        public int SensorFailures(int sensor)
        {
            return _sampler.Failures(sensor);
        }

        public int SensorStatus(int sensor)
        {
            return (int)_sampler.LastStatus(sensor);
        }

        public double LatestValue(int propertyIndex)
        {
            return propertyIndex >= 0 && propertyIndex < _latest.Length ? _latest[propertyIndex] : double.NaN;
        }
    }
}
