using OneNetFirmware.Config;
using OneNetFirmware.Drivers.Filters;
using OneNetFirmware.Drivers.Sensors;
using OneNetFirmware.Ports;

namespace OneNetFirmware.Sensors
{
    /// <summary>
    /// All configured sensors as ready-to-sample channels. Built once from validated configuration; then the main loop
    /// calls Sample(nowMs) and looks at each channel's Outcome. A sensor is read when its interval (never shorter than
    /// the driver's minimum) has passed; a sensor that failed to initialise is retried at its next due time.
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

        public SensorSampler(SensorConfig[] sensors, ISensorHardware hardware, IClock clock)
        {
            int n = sensors == null ? 0 : sensors.Length;
            _drivers = new ISensorDriver[n];
            _intervalsMs = new int[n];
            _dueMs = new long[n];
            _ready = new bool[n];
            _firstChannel = new int[n];
            _channelCount = new int[n];
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

        /// <summary>Makes every sensor due at the next Sample (report_now).</summary>
        public void MarkAllDue()
        {
            for (int i = 0; i < _dueMs.Length; i++) _dueMs[i] = long.MinValue;
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
                _dueMs[i] = nowMs + _intervalsMs[i];
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
