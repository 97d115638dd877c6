using OneNetFirmware.Runtime.Ports;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Drivers.Filters;

namespace OneNetFirmware.Runtime.Sampling
{
    /// <summary>
    /// The node's ISampler: every configured sensor (SampledSensor, built once through the SensorRegistry) and digital
    /// input (InputPoller). SampleDue is one pass — each due sensor is read, each of its channels filtered, and each
    /// value due for publishing handed straight to the sink under its PropertyTable index; then the inputs are polled
    /// and their events and counts handed over the same way. Allocates nothing per pass. See docs/sensors.md.
    /// </summary>
    public sealed class SensorSampler : ISampler
    {
        private readonly SampledSensor[] _sensors;
        private readonly SensorChannel[] _channels;
        private readonly double[] _latest;
        private readonly InputPoller _inputs;
        private readonly int[] _totalOf;
        private readonly int[] _rateOf;
        private readonly int[] _eventOf;
        private bool _polled;

        /// <summary>The longest a failing sensor waits between attempts (unless its own interval is longer).</summary>
        public const int MaxRetryMilliseconds = 300000;

        /// <summary>Sensors only, feeding no property (tests and tools look at Channels after each pass).</summary>
        public SensorSampler(SensorConfig[] sensors, ISensorHardware hardware, IClock clock)
            : this(sensors, hardware, clock, null, null, null)
        {
        }

        /// <param name="inputs">May be null (no digital inputs).</param>
        /// <param name="properties">Maps channel and counter identifiers to property indexes; null maps none.</param>
        /// <param name="events">From NodeEvents.FromConfig(config), like the runtime's; may be null when inputs is null.</param>
        public SensorSampler(SensorConfig[] sensors, ISensorHardware hardware, IClock clock, InputPoller inputs,
            PropertyTable properties, EventTable events)
        {
            int n = sensors == null ? 0 : sensors.Length;
            _sensors = new SampledSensor[n];
            int total = 0;
            for (int i = 0; i < n; i++) total += sensors[i].Channels == null ? 0 : sensors[i].Channels.Length;
            SensorChannel[] all = new SensorChannel[total];
            int next = 0;
            for (int i = 0; i < n; i++)
            {
                SensorConfig s = sensors[i];
                ISensorDriver driver = Open(s, hardware, clock);
                if (driver == null)
                {
                    MissingSensors++;
                    _sensors[i] = new SampledSensor(null, 0, new SensorChannel[0]);
                    continue;
                }
                int first = next;
                for (int c = 0; c < s.Channels.Length; c++)
                {
                    ChannelConfig ch = s.Channels[c];
                    int reading = IndexOf(driver.Readings, ch.Quantity);
                    if (reading < 0) continue;
                    var filter = new ChannelFilter(ch.Scale, ch.Offset, ch.Min, ch.Max, ch.AverageSamples, ch.ReportDelta, ch.HeartbeatSeconds);
                    all[next++] = new SensorChannel(reading, filter, ch.Identifier, properties == null ? -1 : properties.IndexOf(ch.Identifier));
                }
                var own = new SensorChannel[next - first];
                for (int c = 0; c < own.Length; c++) own[c] = all[first + c];
                _sensors[i] = new SampledSensor(driver, s.IntervalSeconds * 1000, own);
            }
            _channels = new SensorChannel[next];
            for (int c = 0; c < next; c++) _channels[c] = all[c];
            _latest = new double[properties == null ? 0 : properties.Count];
            for (int p = 0; p < _latest.Length; p++) _latest[p] = double.NaN;

            _inputs = inputs;
            int m = inputs == null ? 0 : inputs.Inputs.Length;
            _totalOf = new int[m];
            _rateOf = new int[m];
            _eventOf = new int[m];
            for (int i = 0; i < m; i++)
            {
                InputChannel input = inputs.Inputs[i];
                _totalOf[i] = input.IsCounter && properties != null ? properties.IndexOf(input.Identifier) : -1;
                _rateOf[i] = input.IsCounter && properties != null && input.RateIdentifier != null && input.RateIdentifier.Length > 0
                    ? properties.IndexOf(input.RateIdentifier) : -1;
                _eventOf[i] = input.IsCounter || events == null ? -1 : events.IndexOf(input.Identifier);
            }
        }

        /// <summary>The driver from the SensorRegistry row for s.Type on its opened hardware; null when either is missing.</summary>
        private static ISensorDriver Open(SensorConfig s, ISensorHardware hardware, IClock clock)
        {
            SensorType type = SensorRegistry.Find(s.Type);
            if (type == null) return null;
            if (!type.IsI2c)
            {
                IDhtReader reader = hardware.OpenDht(s.Type, s.Pin, s.TriggerPin);
                return reader == null ? null : type.CreateOnPins(reader, clock);
            }
            int address = s.Address != null && s.Address.Length > 0 ? TextRules.ParseI2cAddress(s.Address) : type.Addresses[0];
            II2cDevice device = hardware.OpenI2c(s.Bus, address);
            return device == null ? null : type.CreateOnI2c(device, clock);
        }

        /// <summary>Every channel, in configuration order (the same instances for the node's lifetime).</summary>
        public SensorChannel[] Channels { get { return _channels; } }

        /// <summary>Sensors whose driver could not be created (unknown type, hardware not openable); their channels are absent.</summary>
        public int MissingSensors { get; }

        public int SampleDue(long nowMs, bool forceAll, IReadingSink sink)
        {
            if (forceAll) MarkAllDue();
            int failed = 0;
            for (int i = 0; i < _sensors.Length; i++) failed += _sensors[i].Sample(nowMs, forceAll, sink, _latest);
            if (_inputs != null) PollInputs(nowMs, forceAll, sink);
            return failed;
        }

        /// <summary>
        /// Contacts, motion and buttons: each debounced change is an event. Counters: the total and rate go out whenever
        /// a new rate was computed (and on forceAll).
        /// </summary>
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

        /// <summary>
        /// Makes every sensor due at the next pass (report_now) — but never sooner than the driver's minimum after its
        /// previous read: the datasheet's limit (and a DHT library's cached frame) holds for forced reads too.
        /// </summary>
        public void MarkAllDue()
        {
            for (int i = 0; i < _sensors.Length; i++) _sensors[i].MarkDue();
        }

        /// <summary>
        /// Sets every sensor's interval (a downlink's sample_interval); false, changing nothing, when seconds is below
        /// some driver's minimum.
        /// </summary>
        public bool SetIntervalSeconds(int seconds)
        {
            if (seconds <= 0) return false;
            for (int i = 0; i < _sensors.Length; i++)
            {
                if ((long)seconds * 1000 < _sensors[i].MinIntervalMilliseconds) return false;
            }
            for (int i = 0; i < _sensors.Length; i++) _sensors[i].SetInterval(seconds * 1000);
            return true;
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

        /// <summary>Configured sensors, in configuration order (index i is sensors[i]; missing ones included).</summary>
        public int SensorCount { get { return _sensors.Length; } }

        /// <summary>Failed reads of sensors[sensor] since start (bad status or an exception; a missing sensor has none).</summary>
        public int SensorFailures(int sensor)
        {
            return _sensors[sensor].Failures;
        }

        /// <summary>Failed reads of sensors[sensor] in a row (0 after a good read).</summary>
        public int FailuresInRow(int sensor)
        {
            return _sensors[sensor].FailuresInRow;
        }

        /// <summary>How the latest read of sensors[sensor] went (Ok before the first read; NotFound when missing).</summary>
        public ReadStatus LastStatus(int sensor)
        {
            return _sensors[sensor].IsMissing ? ReadStatus.NotFound : _sensors[sensor].LastStatus;
        }

        public int SensorStatus(int sensor)
        {
            return (int)LastStatus(sensor);
        }

        public double LatestValue(int propertyIndex)
        {
            return propertyIndex >= 0 && propertyIndex < _latest.Length ? _latest[propertyIndex] : double.NaN;
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
