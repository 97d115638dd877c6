using System;
using System.Device.I2c;
using nanoFramework.Hardware.Esp32;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Device.Drivers
{
    /// <summary>
    /// One chip on an ESP32 I2C bus (nanoFramework System.Device.I2c). SpanByte wraps the caller's buffer without
    /// copying. A NACKed address is told apart from short transfers and clock-stretch timeouts.
    /// </summary>
    public sealed class EspI2cDevice : II2cDevice, IDisposable
    {
        private readonly I2cDevice _device;

        public EspI2cDevice(int bus, int address)
        {
            _device = I2cDevice.Create(new I2cConnectionSettings(bus, address));
        }

        /// <summary>Routes a bus to its pins; must run before the first device on that bus is created.</summary>
        public static void ConfigureBus(int bus, int sdaPin, int sclPin)
        {
            Configuration.SetPinFunction(sdaPin, bus == 2 ? DeviceFunction.I2C2_DATA : DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(sclPin, bus == 2 ? DeviceFunction.I2C2_CLOCK : DeviceFunction.I2C1_CLOCK);
        }

        public I2cStatus Write(byte[] buffer, int offset, int count)
        {
            return ToStatus(_device.Write(new SpanByte(buffer, offset, count)).Status);
        }

        public I2cStatus Read(byte[] buffer, int offset, int count)
        {
            return ToStatus(_device.Read(new SpanByte(buffer, offset, count)).Status);
        }

        public I2cStatus WriteRead(byte[] write, int writeOffset, int writeCount, byte[] read, int readOffset, int readCount)
        {
            return ToStatus(_device.WriteRead(new SpanByte(write, writeOffset, writeCount), new SpanByte(read, readOffset, readCount)).Status);
        }

        public void Dispose()
        {
            _device.Dispose();
        }

        // Takes the status, not the I2cTransferResult: a struct passed by value is cloned on nanoCLR (docs/performance.md).
        private static I2cStatus ToStatus(I2cTransferStatus status)
        {
            if (status == I2cTransferStatus.FullTransfer) return I2cStatus.Ok;
            if (status == I2cTransferStatus.SlaveAddressNotAcknowledged) return I2cStatus.Nack;
            return I2cStatus.Failed;
        }
    }
}
