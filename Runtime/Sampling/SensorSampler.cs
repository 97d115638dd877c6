using System;
using OneNetFirmware.Config;
using OneNetFirmware.Drivers.Filters;
using OneNetFirmware.Drivers.Sensors;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Sensors
{
    /// <summary>
    /// All configured sensors as ready-to-sample channels. Built once from validated configuration; then the main loop
    /// calls Sample(nowMs) and looks at each channel's Outcome. A sensor is read when its interval (never shorter than
    /// the driver's minimum) has passed. Any failure — a bad status, or an exception thrown by the driver's Initialize
    /// or Read (device libraries throw: docs/device-runtime.md) — is a failed read of that sensor: counted per sensor,
    /// its readings cleared, the driver initialised again before the next read, and the sensor retried with its own
    /// backoff (RetryDelayMilliseconds), so a dead sensor neither stops the loop nor is probed at every sample.
    /// Sample allocates nothing.
    /// </summary>
    public sealed class SensorSampler
    {
        private readonly ISensorDriver[] _drivers;
        private readonly int[] _intervalsMs;
        private readonly long[] _dueMs;
        private readonly bool[] _ready;
        private readonly int[] _firstChannel;
        private readonly int[] _channelCount;
        private readonly SensorChannel[] _channels;
        private readonly int _missing;
        private readonly int[] _failures;
        private readonly int[] _failuresInRow;
        private readonly ReadStatus[] _lastStatus;
        private readonly long[] _lastReadMs;

        /// <summary>The longest a failing sensor waits between attempts (unless its own interval is longer).</summary>
        public const int MaxRetryMilliseconds = 300000;

        public SensorSampler(SensorConfig[] sensors, ISensorHardware hardware, IClock clock)
        {
            int n = sensors == null ? 0 : sensors.Length;
            _drivers = new ISensorDriver[n];
            _intervalsMs = new int[n];
            _dueMs = new long[n];
            _ready = new bool[n];
            _firstChannel = new int[n];
            _channelCount = new int[n];
            _failures = new int[n];
            _failuresInRow = new int[n];
            _lastStatus = new ReadStatus[n];
            _lastReadMs = new long[n];
            int total = 0;
            for (int i = 0; i < n; i++)
            {
                total += sensors[i].Channels == null ? 0 : sensors[i].Channels.Length;
            }
            SensorChannel[] channels = new SensorChannel[total];
            int next = 0;
            for (int i = 0; i < n; i++)
            {
                SensorConfig s = sensors[i];
                ISensorDriver driver = SensorFactory.Create(s, hardware, clock);
                _firstChannel[i] = next;
                _lastReadMs[i] = long.MinValue;
                if (driver == null)
                {
                    _missing++;
                    continue;
                }
                _drivers[i] = driver;
                int interval = s.IntervalSeconds * 1000;
                _intervalsMs[i] = interval < driver.MinIntervalMilliseconds ? driver.MinIntervalMilliseconds : interval;
                for (int c = 0; c < s.Channels.Length; c++)
                {
                    ChannelConfig ch = s.Channels[c];
                    int index = IndexOf(driver.Readings, ch.Quantity);
                    if (index < 0) continue;
                    ChannelFilter filter = new ChannelFilter(ch.Scale, ch.Offset, ch.Min, ch.Max, ch.AverageSamples, ch.ReportDelta, ch.HeartbeatSeconds);
                    channels[next++] = new SensorChannel(driver, index, filter, ch.Identifier, ch.Decimals);
                }
                _channelCount[i] = next - _firstChannel[i];
            }
            _channels = new SensorChannel[next];
            for (int i = 0; i < next; i++)
            {
                _channels[i] = channels[i];
            }
        }

        /// <summary>Every channel, in configuration order (the same instances for the node's lifetime).</summary>
        public SensorChannel[] Channels { get { return _channels; } }

        /// <summary>Sensors whose driver could not be created (unknown type, hardware not openable); their channels are absent.</summary>
        public int MissingSensors { get { return _missing; } }

        /// <summary>
        /// Sets every sensor's interval (a downlink's sample_interval); false, changing nothing, when seconds is below
        /// some driver's minimum.
        /// </summary>
        public bool SetIntervalSeconds(int seconds)
        {
            if (seconds <= 0) return false;
            for (int i = 0; i < _drivers.Length; i++)
            {
                if (_drivers[i] != null && (long)seconds * 1000 < _drivers[i].MinIntervalMilliseconds) return false;
            }
            for (int i = 0; i < _drivers.Length; i++) _intervalsMs[i] = seconds * 1000;
            return true;
        }

        /// <summary>Configured sensors, in configuration order (index i is sensors[i]; missing ones included).</summary>
        public int SensorCount { get { return _drivers.Length; } }

        /// <summary>Failed reads of sensors[sensor] since start (bad status or an exception; a missing sensor has none).</summary>
        public int Failures(int sensor) { return _failures[sensor]; }

        /// <summary>Failed reads of sensors[sensor] in a row (0 after a good read).</summary>
        public int FailuresInRow(int sensor) { return _failuresInRow[sensor]; }

        /// <summary>How the latest read of sensors[sensor] went (Ok before the first read; NotFound when missing).</summary>
        public ReadStatus LastStatus(int sensor) { return _drivers[sensor] == null ? ReadStatus.NotFound : _lastStatus[sensor]; }

        /// <summary>
        /// Makes every sensor due at the next Sample (report_now) — but never sooner than the driver's minimum after its
        /// previous read: the datasheet's limit (and a DHT library's cached frame) holds for forced reads too.
        /// </summary>
        public void MarkAllDue()
        {
            for (int i = 0; i < _dueMs.Length; i++)
            {
                ISensorDriver driver = _drivers[i];
                _dueMs[i] = driver == null || _lastReadMs[i] == long.MinValue ? long.MinValue : _lastReadMs[i] + driver.MinIntervalMilliseconds;
            }
        }

        /// <summary>
        /// How long a sensor waits after its latest read: its interval after a good read; after the n-th failure in a
        /// row interval·2^(n−1), capped at MaxRetryMilliseconds (or the interval when that is longer).
        /// </summary>
        public static long RetryDelayMilliseconds(int intervalMs, int failuresInRow)
        {
            long cap = intervalMs > MaxRetryMilliseconds ? intervalMs : MaxRetryMilliseconds;
            long delay = intervalMs;
            for (int k = 1; k < failuresInRow && delay < cap; k++) delay *= 2;
            return delay < cap ? delay : cap;
        }

        /// <summary>Reads every due sensor; returns how many channels now have Outcome Report or Failed.</summary>
        public int Sample(long nowMs)
        {
            int changed = 0;
            for (int i = 0; i < _drivers.Length; i++)
            {
                ISensorDriver driver = _drivers[i];
                if (driver == null) continue;
                int first = _firstChannel[i];
                int end = first + _channelCount[i];
                if (nowMs < _dueMs[i])
                {
                    for (int c = first; c < end; c++) _channels[c].MarkNotDue();
                    continue;
                }
                ReadStatus status = Measure(i, driver);
                _lastReadMs[i] = nowMs;
                _lastStatus[i] = status;
                if (status == ReadStatus.Ok)
                {
                    _failuresInRow[i] = 0;
                }
                else
                {
                    _failures[i]++;
                    _failuresInRow[i]++;
                }
                _dueMs[i] = nowMs + RetryDelayMilliseconds(_intervalsMs[i], _failuresInRow[i]);
                for (int c = first; c < end; c++)
                {
                    SensorChannel channel = _channels[c];
                    if (status == ReadStatus.Ok) channel.Accept(nowMs);
                    else channel.Fail(status);
                    if (channel.Outcome != ChannelOutcome.Hold) changed++;
                }
            }
            return changed;
        }

        /// <summary>Initialises the driver when needed, then reads it; an exception from either is a failed read.</summary>
        private ReadStatus Measure(int i, ISensorDriver driver)
        {
            try
            {
                ReadStatus status = ReadStatus.Ok;
                if (!_ready[i])
                {
                    status = driver.Initialize();
                    _ready[i] = status == ReadStatus.Ok;
                }
                if (status == ReadStatus.Ok)
                {
                    status = driver.Read();
                    // A chip that stops answering may have lost power: configure it again before the next read.
                    if (status == ReadStatus.BusNack) _ready[i] = false;
                }
                return status;
            }
            catch (Exception)
            {
                // Whatever state the library was left in, start it over before the next read.
                _ready[i] = false;
                return SensorStatus.Fail(driver.Readings, ReadStatus.Threw);
            }
        }

        private static int IndexOf(Reading[] readings, string quantity)
        {
            for (int i = 0; i < readings.Length; i++)
            {
                if (readings[i].Quantity == quantity) return i;
            }
            return -1;
        }
    }
}
