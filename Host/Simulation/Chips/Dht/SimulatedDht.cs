using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Dht;

namespace OneNetFirmware.Host.Simulation.Chips.Dht;

/// <summary>
/// A DHT11/DHT22 on its data line: each measurement encodes the 5-byte frame and decodes it as the sensor would be
/// read. Faults: absent (no answer), bad checksum, and a driver that throws when opened or when measuring (as the
/// device library can). Counts opens and measurements.
/// </summary>
public sealed class SimulatedDht(bool dht22) : IDhtReader
{
    private readonly byte[] _frame = new byte[5];

    public double Temperature { get; set; } = 22.5;

    public double Humidity { get; set; } = 45.0;

    public bool Absent { get; set; }

    public bool CorruptChecksum { get; set; }

    /// <summary>Open throws (pins or RMT channel unavailable).</summary>
    public bool OpenThrows { get; set; }

    /// <summary>Measure throws (e.g. the library converting a failed read's default value).</summary>
    public bool MeasureThrows { get; set; }

    public int Opens { get; private set; }

    public int Measurements { get; private set; }

    public void Open()
    {
        if (OpenThrows) throw new InvalidOperationException("simulated: RMT channel unavailable");
        Opens++;
    }

    public ReadStatus Measure(Reading[] readings)
    {
        Measurements++;
        if (MeasureThrows) throw new NotImplementedException("simulated: Can not convert 0 to base units.");
        if (Absent) return SensorStatus.Fail(readings, ReadStatus.Timeout);
        Encode(dht22, Temperature, Humidity, _frame);
        if (CorruptChecksum) _frame[4] ^= 0x01;
        return DhtFrame.Decode(_frame, 0, dht22, readings);
    }

    public static void Encode(bool dht22, double temperature, double humidity, Span<byte> frame)
    {
        if (dht22)
        {
            int h = (int)Math.Round(humidity * 10);
            int t = (int)Math.Round(Math.Abs(temperature) * 10);
            frame[0] = (byte)(h >> 8);
            frame[1] = (byte)h;
            frame[2] = (byte)((t >> 8) | (temperature < 0 ? 0x80 : 0));
            frame[3] = (byte)t;
        }
        else
        {
            int h = (int)Math.Round(humidity * 10);
            int t = (int)Math.Round(Math.Abs(temperature) * 10);
            frame[0] = (byte)(h / 10);
            frame[1] = (byte)(h % 10);
            frame[2] = (byte)(t / 10);
            frame[3] = (byte)((t % 10) | (temperature < 0 ? 0x80 : 0));
        }
        frame[4] = (byte)(frame[0] + frame[1] + frame[2] + frame[3]);
    }
}
