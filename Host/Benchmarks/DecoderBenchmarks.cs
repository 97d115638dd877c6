using BenchmarkDotNet.Attributes;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Bme280;
using OneNetFirmware.Drivers.Chips.Sht3x;
using OneNetFirmware.Drivers.Filters;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>Per-read cost of the portable decoders and the channel filter (every read on the device runs these).</summary>
    [MemoryDiagnoser]
    public class DecoderBenchmarks
    {
        private readonly Reading[] _two = { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Humidity, "%RH") };
        private readonly Reading[] _three = { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Pressure, "Pa"), new Reading(Quantity.Humidity, "%RH") };
        private readonly byte[] _sht = { 0x66, 0x66, 0xA1, 0x80, 0x00, 0xA2 };
        private readonly byte[] _bosch = { 0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00, 0x75, 0x30 };
        private readonly BoschCalibration _calibration = new BoschCalibration
        {
            T1 = 27504, T2 = 26435, T3 = -1000, P1 = 36477, P2 = -10685, P3 = 3024, P4 = 2855, P5 = 140, P6 = -7, P7 = 15500, P8 = -14600, P9 = 6000,
            H1 = 75, H2 = 364, H4 = 330, H5 = 50, H6 = 30,
        };
        private readonly ChannelFilter _filter = new ChannelFilter(1.0, 0.0, -40, 85, 8, 0.1, 60);
        private long _now;

        [GlobalSetup]
        public void Setup()
        {
            _sht[2] = Crc8.Compute(_sht, 0, 2);
            _sht[5] = Crc8.Compute(_sht, 3, 2);
        }

        [Benchmark]
        public ReadStatus Sht3xDecode() => Sht3xDriver.Decode(_sht, 0, _two);

        [Benchmark]
        public ReadStatus Bme280Compensate() => Bme280Driver.Decode(_bosch, 0, _calibration, true, _three);

        [Benchmark]
        public FilterResult FilterApply() => _filter.Apply(21.5, _now += 1000);
    }
}
