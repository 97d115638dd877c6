namespace OneNetFirmware.Drivers.Sensors
{
    /// <summary>
    /// DHT11/DHT22 over a frame source, decoded by DhtFrame. (On the ESP32 the RMT-based DhtDevice adapter replaces it.)
    /// </summary>
    public sealed class DhtDriver : ISensorDriver
    {
        private readonly IDhtFrameSource _source;
        private readonly bool _dht22;
        private readonly byte[] _frame = new byte[5];
        private readonly Reading[] _readings;

        public DhtDriver(string type, IDhtFrameSource source)
        {
            _dht22 = type == SensorCatalog.Dht22;
            Type = type;
            _source = source;
            _readings = new Reading[] { new Reading(SensorCatalog.Temperature, "°C"), new Reading(SensorCatalog.Humidity, "%RH") };
        }

        public string Type { get; }

        public int MinIntervalMilliseconds { get { return SensorCatalog.MinIntervalSeconds(Type) * 1000; } }

        public Reading[] Readings { get { return _readings; } }

        public ReadStatus Initialize()
        {
            return Read() == ReadStatus.Timeout ? ReadStatus.NotFound : ReadStatus.Ok;
        }

        public ReadStatus Read()
        {
            if (!_source.ReadFrame(_frame, 0)) return SensorStatus.Fail(_readings, ReadStatus.Timeout);
            return DhtFrame.Decode(_frame, 0, _dht22, _readings);
        }
    }
}
