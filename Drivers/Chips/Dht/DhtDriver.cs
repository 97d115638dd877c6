using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Drivers.Chips.Dht
{
    /// <summary>
    /// DHT11/DHT22 over an IDhtReader, with the rules that hold on every board (docs/device-runtime.md "DHT"):
    /// Initialize only opens the pins and takes no measurement, so the sampler's first Read is a real one (a battery
    /// wake-up reads each sensor exactly once); measurements are at least MinIntervalMilliseconds (2 s, the DHT22's
    /// sensing period) apart — a request sooner than that is refused with Timeout rather than answered from the
    /// library's 1 s cache; and values outside the datasheet range are a failed read (OutOfRange).
    /// </summary>
    public sealed class DhtDriver : ISensorDriver
    {
        /// <summary>The configuration types (their rows in SensorRegistry).</summary>
        public const string Dht11TypeName = "dht11";
        public const string Dht22TypeName = "dht22";
        private readonly IDhtReader _reader;
        private readonly IClock _clock;
        private readonly bool _dht22;
        private readonly int _minIntervalMs;
        private readonly Reading[] _readings;
        private long _lastMeasureMs = long.MinValue;

        public DhtDriver(string type, IDhtReader reader, IClock clock)
        {
            _dht22 = type == Dht22TypeName;
            Type = type;
            // Looked up once: the registry compares type names (literals allocate on the device, docs/performance.md),
            // and Read checks the interval on every sample.
            _minIntervalMs = SensorRegistry.MinIntervalSeconds(type) * 1000;
            _reader = reader;
            _clock = clock;
            _readings = new Reading[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Humidity, "%RH") };
        }

        public string Type { get; }

        public int MinIntervalMilliseconds { get { return _minIntervalMs; } }

        public Reading[] Readings { get { return _readings; } }

        /// <summary>SensorRegistry's factory (one driver for both types).</summary>
        public static ISensorDriver Create(string type, IDhtReader reader, IClock clock)
        {
            return new DhtDriver(type, reader, clock);
        }

        public ReadStatus Initialize()
        {
            _reader.Open();
            return ReadStatus.Ok;
        }

        public ReadStatus Read()
        {
            long now = _clock.NowMilliseconds;
            if (_lastMeasureMs != long.MinValue && now - _lastMeasureMs < MinIntervalMilliseconds)
            {
                return SensorStatus.Fail(_readings, ReadStatus.Timeout);
            }
            _lastMeasureMs = now;
            ReadStatus status = _reader.Measure(_readings);
            if (status != ReadStatus.Ok) return SensorStatus.Fail(_readings, status);
            if (!DhtFrame.InRange(_dht22, _readings[0].Value, _readings[1].Value)) return SensorStatus.Fail(_readings, ReadStatus.OutOfRange);
            return ReadStatus.Ok;
        }
    }
}
