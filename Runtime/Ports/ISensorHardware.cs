using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips.Dht;

namespace OneNetFirmware.Runtime.Ports
{
    /// <summary>
    /// Where drivers get their hardware: an I2C device per (bus, address), and a DHT reader per pin pair (the ESP32
    /// reads DHTs through RMT, the host a simulated sensor). Null when it cannot be opened.
    /// </summary>
    public interface ISensorHardware
    {
        II2cDevice OpenI2c(int bus, int address);

        IDhtReader OpenDht(string type, int dataPin, int triggerPin);
    }
}
