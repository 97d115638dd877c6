using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Filters;

namespace OneNetFirmware.Runtime.Sampling
{
    /// <summary>
    /// One configured channel: which reading of its sensor, its filter, the property it feeds, and what the latest pass
    /// did with it (Outcome, Value, Status; counted per sensor, not per channel: SampledSensor).
    /// </summary>
    public sealed class SensorChannel
    {
        internal SensorChannel(int readingIndex, ChannelFilter filter, string identifier, int property)
        {
            ReadingIndex = readingIndex;
            Filter = filter;
            Identifier = identifier;
            Property = property;
            Value = double.NaN;
        }

        internal int ReadingIndex { get; }

        internal ChannelFilter Filter { get; }

        /// <summary>The OneNET thing-model identifier.</summary>
        public string Identifier { get; }

        /// <summary>Its index in the PropertyTable, or -1 when it feeds none.</summary>
        internal int Property { get; }

        public ChannelOutcome Outcome { get; private set; }

        /// <summary>The filtered value when Outcome is Report or Hold; NaN after a failure.</summary>
        public double Value { get; private set; }

        /// <summary>Ok, or why the latest sample failed.</summary>
        public ReadStatus Status { get; private set; }

        internal void MarkNotDue()
        {
            Outcome = ChannelOutcome.NotDue;
        }

        internal void Fail(ReadStatus status)
        {
            Outcome = ChannelOutcome.Failed;
            Status = status;
            Value = double.NaN;
        }

        /// <summary>Feeds the sensor's fresh reading through the filter; a value the filter rejects is a failure.</summary>
        internal void Accept(Reading[] readings, long nowMs)
        {
            FilterResult result = Filter.Apply(readings[ReadingIndex].Value, nowMs);
            if (result == FilterResult.Rejected)
            {
                Fail(ReadStatus.OutOfRange);
                return;
            }
            Status = ReadStatus.Ok;
            Value = Filter.Value;
            Outcome = result == FilterResult.Report ? ChannelOutcome.Report : ChannelOutcome.Hold;
        }
    }
}
