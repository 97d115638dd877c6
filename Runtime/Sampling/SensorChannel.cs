using OneNetFirmware.Drivers.Filters;
using OneNetFirmware.Drivers.Sensors;

namespace OneNetFirmware.Sensors
{
    /// <summary>
    /// One configured channel: which reading of which driver, its filter, its OneNET identifier and decimals, and the
    /// outcome of the latest Sample with failure counts. The runtime reads these after each SensorSampler.Sample.
    /// </summary>
    public sealed class SensorChannel
    {
        public SensorChannel(ISensorDriver driver, int readingIndex, ChannelFilter filter, string identifier, int decimals)
        {
            Driver = driver;
            ReadingIndex = readingIndex;
            Filter = filter;
            Identifier = identifier;
            Decimals = decimals;
            Value = double.NaN;
        }

        public ISensorDriver Driver { get; }

        public int ReadingIndex { get; }

        public ChannelFilter Filter { get; }

        /// <summary>The OneNET thing-model identifier.</summary>
        public string Identifier { get; }

        public int Decimals { get; }

        public ChannelOutcome Outcome { get; private set; }

        /// <summary>The filtered value when Outcome is Report or Hold; NaN after a failure.</summary>
        public double Value { get; private set; }

        /// <summary>Ok, or why the latest sample failed.</summary>
        public ReadStatus Status { get; private set; }

        /// <summary>Failures since start.</summary>
        public int FailureCount { get; private set; }

        /// <summary>Failures in a row (0 after a good sample).</summary>
        public int ConsecutiveFailures { get; private set; }

        internal void MarkNotDue()
        {
            Outcome = ChannelOutcome.NotDue;
        }

        internal void Fail(ReadStatus status)
        {
            Outcome = ChannelOutcome.Failed;
            Status = status;
            Value = double.NaN;
            FailureCount++;
            ConsecutiveFailures++;
        }

        internal void Accept(long nowMs)
        {
            FilterResult result = Filter.Apply(Driver.Readings[ReadingIndex].Value, nowMs);
            if (result == FilterResult.Rejected)
            {
                Fail(ReadStatus.OutOfRange);
                return;
            }
            Status = ReadStatus.Ok;
            ConsecutiveFailures = 0;
            Value = Filter.Value;
            Outcome = result == FilterResult.Report ? ChannelOutcome.Report : ChannelOutcome.Hold;
        }
    }
}
