using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Host.Simulation.Chips.Sht3x;

/// <summary>
/// Sensirion SHT3x: soft reset 0x30A2, single shot high repeatability without clock stretching 0x2400 (15.5 ms;
/// reading earlier NACKs the read header), 6 bytes T/CRC/RH/CRC.
/// </summary>
public sealed class Sht3xChip(IClock clock) : SimulatedChip(clock)
{
    private const int MeasureMilliseconds = 15;
    private readonly byte[] _frame = new byte[6];
    private long _measureStartedMs = -1;

    public double Temperature { get; set; } = 22.5;

    public double Humidity { get; set; } = 45.0;

    protected override I2cStatus OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length != 2) return I2cStatus.Nack;
        int command = (data[0] << 8) | data[1];
        if (command == 0x30A2)
        {
            _measureStartedMs = -1;
            return I2cStatus.Ok;
        }
        if (command == 0x2400)
        {
            _measureStartedMs = Clock.NowMilliseconds;
            return I2cStatus.Ok;
        }
        return I2cStatus.Nack;
    }

    protected override I2cStatus OnRead(Span<byte> data)
    {
        if (_measureStartedMs < 0 || StuckBusy || Clock.NowMilliseconds - _measureStartedMs < MeasureMilliseconds) return I2cStatus.Nack;
        _measureStartedMs = -1;
        byte[] frame = _frame;
        int rawT = Raw((Temperature + 45.0) / 175.0);
        int rawH = Raw(Humidity / 100.0);
        frame[0] = (byte)(rawT >> 8);
        frame[1] = (byte)rawT;
        frame[2] = Crc8.Compute(frame, 0, 2);
        frame[3] = (byte)(rawH >> 8);
        frame[4] = (byte)rawH;
        frame[5] = Crc8.Compute(frame, 3, 2);
        if (CorruptCrc) frame[5] ^= 0x01;
        frame.AsSpan(0, Math.Min(6, data.Length)).CopyTo(data);
        return I2cStatus.Ok;
    }

    private static int Raw(double fraction) => (int)Math.Round(Math.Clamp(fraction, 0.0, 1.0) * 65535.0);
}
