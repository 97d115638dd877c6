using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Host.Simulation.Chips;

namespace OneNetFirmware.Host.Simulation;

/// <summary>One simulated I2C bus: chips by 7-bit address; an address with no chip NACKs.</summary>
public sealed class SimulatedI2cBus
{
    private readonly Dictionary<int, SimulatedChip> _chips = new();

    public void Attach(int address, SimulatedChip chip) => _chips[address] = chip;

    public II2cDevice Open(int address) => new Device(this, address);

    private sealed class Device(SimulatedI2cBus bus, int address) : II2cDevice
    {
        public I2cStatus Write(byte[] buffer, int offset, int count) =>
            bus._chips.TryGetValue(address, out SimulatedChip? chip) ? chip.Write(buffer.AsSpan(offset, count)) : I2cStatus.Nack;

        public I2cStatus Read(byte[] buffer, int offset, int count) =>
            bus._chips.TryGetValue(address, out SimulatedChip? chip) ? chip.Read(buffer.AsSpan(offset, count)) : I2cStatus.Nack;

        public I2cStatus WriteRead(byte[] write, int writeOffset, int writeCount, byte[] read, int readOffset, int readCount) =>
            bus._chips.TryGetValue(address, out SimulatedChip? chip)
                ? chip.WriteRead(write.AsSpan(writeOffset, writeCount), read.AsSpan(readOffset, readCount))
                : I2cStatus.Nack;
    }
}
