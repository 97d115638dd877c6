using System;
using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Runtime.Sampling
{
    /// <summary>
    /// One configured sensor: its driver, its channels, when it is due, and how its reads went. Any failure — a bad
    /// status, or an exception thrown by the driver's Initialize or Read (device libraries throw: docs/device-runtime.md)
    /// — is a failed read of this sensor: counted, its channels' values cleared, the driver initialised again before the
    /// next read, and the next attempt backed off (SensorSampler.RetryDelayMilliseconds), so a dead sensor neither stops
    /// the loop nor is probed at every pass. Allocates nothing per read.
    /// </summary>
    internal sealed class SampledSensor
    {
        private readonly ISensorDriver _driver;
        private readonly SensorChannel[] _channels;
        private int _intervalMs;
        private long _dueMs;
        private long _lastReadMs = long.MinValue;
        private bool _ready;

        /// <param name="driver">Null when the sensor could not be created (unknown type, hardware not openable).</param>
        internal SampledSensor(ISensorDriver driver, int intervalMs, SensorChannel[] channels)
        {
            _driver = driver;
            _channels = channels;
            _intervalMs = driver != null && intervalMs < driver.MinIntervalMilliseconds ? driver.MinIntervalMilliseconds : intervalMs;
        }

        internal bool IsMissing { get { return _driver == null; } }

        internal int MinIntervalMilliseconds { get { return _driver == null ? 0 : _driver.MinIntervalMilliseconds; } }

        internal int Failures { get; private set; }

        internal int FailuresInRow { get; private set; }

        /// <summary>How the latest read went (Ok before the first read; NotFound when missing).</summary>
        internal ReadStatus LastStatus { get; private set; }

        internal void SetInterval(int intervalMs)
        {
            _intervalMs = intervalMs;
        }

        /// <summary>Due at the next pass, but never sooner than the driver's minimum after its previous read.</summary>
        internal void MarkDue()
        {
            _dueMs = _driver == null || _lastReadMs == long.MinValue ? long.MinValue : _lastReadMs + _driver.MinIntervalMilliseconds;
        }

        /// <summary>
        /// The one pass for this sensor at nowMs: read it when due, run each channel's filter, and hand every value due
        /// for publishing (every accepted value when forceAll) to the sink, noting the latest good value per property in
        /// latest. Returns how many of its channels failed.
        /// </summary>
        internal int Sample(long nowMs, bool forceAll, IReadingSink sink, double[] latest)
        {
            if (_driver == null) return 0;
            if (nowMs < _dueMs)
            {
                for (int c = 0; c < _channels.Length; c++) _channels[c].MarkNotDue();
                return 0;
            }
            ReadStatus status = Measure();
            _lastReadMs = nowMs;
            LastStatus = status;
            if (status == ReadStatus.Ok)
            {
                FailuresInRow = 0;
            }
            else
            {
                Failures++;
                FailuresInRow++;
            }
            _dueMs = nowMs + SensorSampler.RetryDelayMilliseconds(_intervalMs, FailuresInRow);
            int failed = 0;
            for (int c = 0; c < _channels.Length; c++)
            {
                SensorChannel channel = _channels[c];
                if (status == ReadStatus.Ok) channel.Accept(_driver.Readings, nowMs);
                else channel.Fail(status);
                if (channel.Outcome == ChannelOutcome.Failed)
                {
                    failed++;
                    continue;
                }
                int property = channel.Property;
                if (property < 0) continue;
                latest[property] = channel.Value;
                if ((channel.Outcome == ChannelOutcome.Report || forceAll) && sink != null) sink.Add(property, channel.Value);
            }
            return failed;
        }

        /// <summary>Initialises the driver when needed, then reads it; an exception from either is a failed read.</summary>
        private ReadStatus Measure()
        {
            try
            {
                ReadStatus status = ReadStatus.Ok;
                if (!_ready)
                {
                    status = _driver.Initialize();
                    _ready = status == ReadStatus.Ok;
                }
                if (status == ReadStatus.Ok)
                {
                    status = _driver.Read();
                    // A chip that stops answering may have lost power: configure it again before the next read.
                    if (status == ReadStatus.BusNack) _ready = false;
                }
                return status;
            }
            catch (Exception)
            {
                // Whatever state the library was left in, start it over before the next read.
                _ready = false;
                return SensorStatus.Fail(_driver.Readings, ReadStatus.Threw);
            }
        }
    }
}
