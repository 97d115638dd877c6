using OneNetFirmware.Drivers.Sensors;

namespace OneNetFirmware.Host.Simulation;

/// <summary>A DHT11/DHT22 on its data line: encodes the 5-byte frame; faults: absent (no answer), bad checksum.</summary>
public sealed class SimulatedDht(bool dht22) : IDhtFrameSource
{
    public double Temperature { get; set; } = 22.5;

    public double Humidity { get; set; } = 45.0;

    public bool Absent { get; set; }

    public bool CorruptChecksum { get; set; }

    public bool ReadFrame(byte[] frame, int offset)
    {
        if (Absent) return false;
        Encode(dht22, Temperature, Humidity, frame.AsSpan(offset, 5));
        if (CorruptChecksum) frame[offset + 4] ^= 0x01;
        return true;
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
