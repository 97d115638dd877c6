using OneNetFirmware.Runtime;
using OneNetFirmware.Sensors;

namespace OneNetFirmware.Node
{
    /// <summary>
    /// The runtime's ISampler over the drivers' SensorSampler: each channel's identifier is mapped once to its
    /// PropertyTable index; Report outcomes go to the sink, Failed ones are counted. Allocates nothing per sample.
    /// </summary>
    public sealed class ChannelSampler : ISampler
    {
        private readonly SensorSampler _sampler;
        private readonly int[] _propertyOf;
        private readonly double[] _latest;

        public ChannelSampler(SensorSampler sampler, PropertyTable properties)
        {
            _sampler = sampler;
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
            return failed;
        }

        public bool SetIntervalSeconds(int seconds)
        {
            return _sampler.SetIntervalSeconds(seconds);
        }

        public double LatestValue(int propertyIndex)
        {
            return propertyIndex >= 0 && propertyIndex < _latest.Length ? _latest[propertyIndex] : double.NaN;
        }
    }
}
