using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Host.Simulation.Chips.Dht;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Host.Simulation;

/// <summary>The simulated node's sensor hardware: I2C buses by number and DHTs by data pin.</summary>
public sealed class SimulatedSensorHardware : ISensorHardware
{
    private readonly Dictionary<int, SimulatedI2cBus> _buses = new();
    private readonly Dictionary<int, SimulatedDht> _dhts = new();

    public SimulatedI2cBus Bus(int bus)
    {
        if (!_buses.TryGetValue(bus, out SimulatedI2cBus? b)) _buses[bus] = b = new SimulatedI2cBus();
        return b;
    }

    public void AttachDht(int dataPin, SimulatedDht dht) => _dhts[dataPin] = dht;

    public II2cDevice? OpenI2c(int bus, int address) => _buses.TryGetValue(bus, out SimulatedI2cBus? b) ? b.Open(address) : null;

    public IDhtReader? OpenDht(string type, int dataPin, int triggerPin) => _dhts.GetValueOrDefault(dataPin);
}
