using OneNetFirmware.Drivers.Chips.Aht20;
using OneNetFirmware.Drivers.Chips.Bh1750;
using OneNetFirmware.Drivers.Chips.Bme280;
using OneNetFirmware.Drivers.Chips.Sht3x;
using OneNetFirmware.Host.Simulation.Chips.Aht20;
using OneNetFirmware.Host.Simulation.Chips.Bh1750;
using OneNetFirmware.Host.Simulation.Chips.Bme280;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Host.Simulation.Chips;

/// <summary>The host's one table from an I2C sensor type (SensorRegistry's names) to its simulated chip.</summary>
public static class SimulatedChips
{
    /// <summary>A fresh simulated chip of this type, or null when the type is not an I2C chip (DHTs are SimulatedDht).</summary>
    public static SimulatedChip? Create(string type, IClock clock) => type switch
    {
        Sht3xDriver.TypeName => new Sht3xChip(clock),
        Aht20Driver.TypeName => new Aht20Chip(clock),
        Bme280Driver.Bme280TypeName => new Bme280Chip(clock, true),
        Bme280Driver.Bmp280TypeName => new Bme280Chip(clock, false),
        Bh1750Driver.TypeName => new Bh1750Chip(clock),
        _ => null,
    };
}
