using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;

namespace OneNetFirmware.Host.Simulation.Chips.Aht20;

/// <summary>
/// Aosong AHT20: status byte (bit 7 busy, bit 3 calibrated), init 0xBE 0x08 0x00, trigger 0xAC 0x33 0x00 (80 ms),
/// soft reset 0xBA; 7 bytes status/20-bit RH/20-bit T/CRC.
/// </summary>
public sealed class Aht20Chip(IClock clock) : SimulatedChip(clock)
{
    private const int MeasureMilliseconds = 75;
    private readonly byte[] _frame = new byte[7];
    private long _measureStartedMs = -1;

    public double Temperature { get; set; } = 22.5;

    public double Humidity { get; set; } = 45.0;

    /// <summary>A fresh chip may need the 0xBE initialisation before its calibration bit is set.</summary>
    public bool Calibrated { get; set; } = true;

    protected override I2cStatus OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length == 3 && data[0] == 0xAC && data[1] == 0x33 && data[2] == 0x00)
        {
            _measureStartedMs = Clock.NowMilliseconds;
            return I2cStatus.Ok;
        }
        if (data.Length == 3 && data[0] == 0xBE && data[1] == 0x08 && data[2] == 0x00)
        {
            Calibrated = true;
            return I2cStatus.Ok;
        }
        if (data.Length == 1 && data[0] == 0xBA)
        {
            _measureStartedMs = -1;
            return I2cStatus.Ok;
        }
        return I2cStatus.Nack;
    }

    protected override I2cStatus OnRead(Span<byte> data)
    {
        bool busy = StuckBusy || (_measureStartedMs >= 0 && Clock.NowMilliseconds - _measureStartedMs < MeasureMilliseconds);
        byte[] frame = _frame;
        frame[0] = (byte)((busy ? 0x80 : 0) | (Calibrated ? 0x08 : 0) | 0x10);
        int rawH = Raw(Humidity / 100.0);
        int rawT = Raw((Temperature + 50.0) / 200.0);
        frame[1] = (byte)(rawH >> 12);
        frame[2] = (byte)(rawH >> 4);
        frame[3] = (byte)(((rawH & 0x0F) << 4) | (rawT >> 16));
        frame[4] = (byte)(rawT >> 8);
        frame[5] = (byte)rawT;
        frame[6] = Crc8.Compute(frame, 0, 6);
        if (CorruptCrc) frame[6] ^= 0x01;
        frame.AsSpan(0, Math.Min(7, data.Length)).CopyTo(data);
        return I2cStatus.Ok;
    }

    private static int Raw(double fraction) => (int)Math.Round(Math.Clamp(fraction, 0.0, 1.0) * 1048575.0);
}
