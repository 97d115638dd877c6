using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Simulation.Chips.Bh1750;

/// <summary>
/// ROHM BH1750: 0x00 power down, 0x01 power on, 0x07 reset, 0x20 one-time high-resolution (120 ms typical, then
/// power down). Reading returns the data register: the last finished result (0 after reset).
/// </summary>
public sealed class Bh1750Chip(IClock clock) : SimulatedChip(clock)
{
    private const int MeasureMilliseconds = 120;
    private bool _poweredOn;
    private long _measureStartedMs = -1;
    private int _result;

    public double Lux { get; set; } = 300.0;

    protected override I2cStatus OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length != 1) return I2cStatus.Nack;
        switch (data[0])
        {
            case 0x00: _poweredOn = false; return I2cStatus.Ok;
            case 0x01: _poweredOn = true; return I2cStatus.Ok;
            case 0x07: if (_poweredOn) _result = 0; return I2cStatus.Ok;
            case 0x20:
                if (_poweredOn) _measureStartedMs = Clock.NowMilliseconds;
                return I2cStatus.Ok;
            default: return I2cStatus.Nack;
        }
    }

    protected override I2cStatus OnRead(Span<byte> data)
    {
        if (_measureStartedMs >= 0 && !StuckBusy && Clock.NowMilliseconds - _measureStartedMs >= MeasureMilliseconds)
        {
            _result = (int)Math.Round(Math.Clamp(Lux * 1.2, 0, 65535));
            _measureStartedMs = -1;
            _poweredOn = false;
        }
        if (data.Length > 0) data[0] = (byte)(_result >> 8);
        if (data.Length > 1) data[1] = (byte)_result;
        return I2cStatus.Ok;
    }
}
