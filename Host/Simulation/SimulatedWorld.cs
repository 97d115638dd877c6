using System;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Host.Simulation.Chips;
using OneNetFirmware.Host.Simulation.Chips.Aht20;
using OneNetFirmware.Host.Simulation.Chips.Bh1750;
using OneNetFirmware.Host.Simulation.Chips.Bme280;
using OneNetFirmware.Host.Simulation.Chips.Dht;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Drivers.Ports;

namespace OneNetFirmware.Host.Simulation;

/// <summary>
/// The simulated hardware a configuration describes: a chip on its bus and address for every I2C sensor, a DHT on its
/// pin, simulated GPIO — with a slow, plausible day of weather so a running node has something changing to report, and
/// a household on the inputs: each contact opens for 20 s of every minute (from 5 s on), each motion sensor sees
/// motion for 10 s of every 45 s (from 15 s on), each button is pressed for 1 s every 90 s (from 30 s on).
/// </summary>
public sealed class SimulatedWorld
{
    private readonly NodeConfig _config;
    private readonly SimulatedChip[] _chips;
    private readonly SimulatedDht[] _dhts;

    public SimulatedSensorHardware Sensors { get; } = new();
    public SimulatedGpio Gpio { get; } = new();

    public SimulatedWorld(NodeConfig config, IClock clock)
    {
        _config = config;
        _chips = new SimulatedChip[config.Sensors.Length];
        _dhts = new SimulatedDht[config.Sensors.Length];
        for (int i = 0; i < config.Sensors.Length; i++)
        {
            SensorConfig s = config.Sensors[i];
            int address = string.IsNullOrEmpty(s.Address) ? SensorRegistry.DefaultAddress(s.Type) : TextRules.ParseI2cAddress(s.Address);
            SimulatedChip? chip = SimulatedChips.Create(s.Type, clock);
            if (chip != null)
            {
                _chips[i] = chip;
                Sensors.Bus(s.Bus).Attach(address, chip);
            }
            else if (s.Type is DhtDriver.Dht11TypeName or DhtDriver.Dht22TypeName)
            {
                _dhts[i] = new SimulatedDht(s.Type == DhtDriver.Dht22TypeName);
                Sensors.AttachDht(s.Pin, _dhts[i]);
            }
        }
        Update(0);
    }

    /// <summary>Sets every sensor to the weather at this many seconds into the simulation (a compressed 10-minute "day").</summary>
    public void Update(double seconds)
    {
        double phase = Math.Sin(seconds / 600.0 * 2 * Math.PI);
        double temperature = 21.0 + 3.0 * phase;
        double humidity = 45.0 - 10.0 * phase;
        double pressure = 101325.0 + 150.0 * phase;
        double lux = Math.Max(0, 400.0 + 350.0 * phase);
        DriveInputs(seconds);
        for (int i = 0; i < _config.Sensors.Length; i++)
        {
            switch (_chips[i])
            {
                case Sht3xChip sht: sht.Temperature = temperature; sht.Humidity = humidity; break;
                case Aht20Chip aht: aht.Temperature = temperature; aht.Humidity = humidity; break;
                case Bme280Chip bme: bme.Temperature = temperature; bme.Humidity = humidity; bme.Pressure = pressure; break;
                case Bh1750Chip bh: bh.Lux = lux; break;
            }
            if (_dhts[i] != null)
            {
                _dhts[i].Temperature = temperature - 6.0;
                _dhts[i].Humidity = Math.Min(95, humidity + 20.0);
            }
        }
    }

    /// <summary>True while a contact is open, motion is seen or a button is pressed at this time (see the class summary).</summary>
    public static bool InputActivity(string type, double seconds) => type switch
    {
        "contact" => Within(seconds, 5, 20, 60),
        "motion" => Within(seconds, 15, 10, 45),
        "button" => Within(seconds, 30, 1, 90),
        _ => false,
    };

    private static bool Within(double seconds, double start, double length, double period)
    {
        if (seconds < start) return false;
        return (seconds - start) % period < length;
    }

    /// <summary>Sets the level of every contact/motion/button pin the node has opened (pulled-up inputs are active low).</summary>
    private void DriveInputs(double seconds)
    {
        foreach (InputConfig input in _config.Inputs)
        {
            if (input.Type == "counter" || !Gpio.IsOpen(input.Pin)) continue;
            bool activity = InputActivity(input.Type, seconds);
            // A contact is active (closed) when the door is not open; motion and buttons are active with activity.
            bool active = input.Type == "contact" ? !activity : activity;
            Gpio.Set(input.Pin, input.Pull == "up" ? !active : active);
        }
    }
}
