using OneNetFirmware.Runtime.Sampling;

namespace OneNetFirmware.Host.Tests.Sampling
{
    internal static class SamplerPasses
    {
        /// <summary>One pass with no sink; returns how many channels reported or failed in it (the rest held or were not due).</summary>
        public static int Sample(this SensorSampler sampler, long nowMs)
        {
            sampler.SampleDue(nowMs, false, null);
            int changed = 0;
            foreach (SensorChannel channel in sampler.Channels)
            {
                if (channel.Outcome == ChannelOutcome.Report || channel.Outcome == ChannelOutcome.Failed) changed++;
            }
            return changed;
        }
    }
}
