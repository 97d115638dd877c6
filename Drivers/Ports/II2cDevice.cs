namespace OneNetFirmware.Drivers.Ports
{
    /// <summary>
    /// One chip at one 7-bit address on one I2C bus. Device: nanoFramework System.Device.I2c; host: dotnet/iot or a
    /// simulated bus. Buffers are the caller's preallocated arrays, so transfers allocate nothing.
    /// </summary>
    public interface II2cDevice
    {
        I2cStatus Write(byte[] buffer, int offset, int count);

        I2cStatus Read(byte[] buffer, int offset, int count);

        /// <summary>Write then read with a repeated start (register reads).</summary>
        I2cStatus WriteRead(byte[] write, int writeOffset, int writeCount, byte[] read, int readOffset, int readCount);
    }
}
