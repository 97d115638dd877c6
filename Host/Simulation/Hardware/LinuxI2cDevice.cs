using System.Device.I2c;
using OneNetFirmware.Drivers.Bus;

namespace OneNetFirmware.Host.Simulation.Hardware;

/// <summary>
/// A real chip on a Linux board (Raspberry Pi /dev/i2c-N) through dotnet/iot, so the portable drivers read real
/// sensors from the host. Linux reports a NACK as an IOException without telling it apart, so every failure is Nack
/// when nothing was transferred. Not exercised by the tests (no bus here); kept thin on purpose.
/// </summary>
public sealed class LinuxI2cDevice(int busId, int address) : II2cDevice, IDisposable
{
    private readonly I2cDevice _device = I2cDevice.Create(new I2cConnectionSettings(busId, address));

    public I2cStatus Write(byte[] buffer, int offset, int count) => Run(() => _device.Write(buffer.AsSpan(offset, count)));

    public I2cStatus Read(byte[] buffer, int offset, int count) => Run(() => _device.Read(buffer.AsSpan(offset, count)));

    public I2cStatus WriteRead(byte[] write, int writeOffset, int writeCount, byte[] read, int readOffset, int readCount) =>
        Run(() => _device.WriteRead(write.AsSpan(writeOffset, writeCount), read.AsSpan(readOffset, readCount)));

    public void Dispose() => _device.Dispose();

    private static I2cStatus Run(Action transfer)
    {
        try
        {
            transfer();
            return I2cStatus.Ok;
        }
        catch (IOException)
        {
            return I2cStatus.Nack;
        }
    }
}
