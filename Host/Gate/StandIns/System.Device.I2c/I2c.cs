// COMPILE-ONLY stand-in: nanoFramework.System.Device.I2c 1.1.29 (docs/packages.md). Only the members Firmware/Device/Drivers uses,
// copied from nanoframework/System.Device.I2c v1.1.29 (I2cDevice's only constructor takes the settings).
using System;

namespace System.Device.I2c
{
    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress) { throw new NotImplementedException(); }
    }

    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings) { throw new NotImplementedException(); }

        public static I2cDevice Create(I2cConnectionSettings settings) { throw new NotImplementedException(); }

        public I2cTransferResult Read(SpanByte buffer) { throw new NotImplementedException(); }

        public I2cTransferResult Write(SpanByte buffer) { throw new NotImplementedException(); }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer) { throw new NotImplementedException(); }

        public void Dispose() { throw new NotImplementedException(); }
    }

    public struct I2cTransferResult
    {
        public uint BytesTransferred { get { throw new NotImplementedException(); } }

        public I2cTransferStatus Status { get { throw new NotImplementedException(); } }
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }
}
