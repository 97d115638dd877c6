using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Host.Simulation.Chips;

/// <summary>
/// One chip on a simulated I2C bus, with the faults every chip can show: absent (NACKs its address), NACK the next
/// transfers, corrupt its checksums, stay busy forever.
/// </summary>
public abstract class SimulatedChip(IClock clock)
{
    protected IClock Clock { get; } = clock;

    /// <summary>Fault: nothing answers at this address.</summary>
    public bool Absent { get; set; }

    /// <summary>Fault: NACK this many transfers, then answer again.</summary>
    public int NackTransfers { get; set; }

    /// <summary>Fault: send a wrong CRC/checksum (chips that have one).</summary>
    public bool CorruptCrc { get; set; }

    /// <summary>Fault: the busy/measuring flag never clears.</summary>
    public bool StuckBusy { get; set; }

    /// <summary>Transfers the chip saw (including NACKed ones), for tests.</summary>
    public int Transfers { get; private set; }

    public I2cStatus Write(ReadOnlySpan<byte> data) => Fault() ?? OnWrite(data);

    public I2cStatus Read(Span<byte> data) => Fault() ?? OnRead(data);

    public I2cStatus WriteRead(ReadOnlySpan<byte> write, Span<byte> read)
    {
        I2cStatus? fault = Fault();
        if (fault != null) return fault.Value;
        I2cStatus status = OnWrite(write);
        return status == I2cStatus.Ok ? OnRead(read) : status;
    }

    protected abstract I2cStatus OnWrite(ReadOnlySpan<byte> data);

    protected abstract I2cStatus OnRead(Span<byte> data);

    private I2cStatus? Fault()
    {
        Transfers++;
        if (Absent) return I2cStatus.Nack;
        if (NackTransfers > 0)
        {
            NackTransfers--;
            return I2cStatus.Nack;
        }
        return null;
    }
}
