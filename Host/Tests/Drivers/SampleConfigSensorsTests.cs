using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Aht20;
using OneNetFirmware.Drivers.Chips.Bh1750;
using OneNetFirmware.Drivers.Chips.Bme280;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Drivers.Chips.Sht3x;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Aht20;
using OneNetFirmware.Host.Simulation.Chips.Bh1750;
using OneNetFirmware.Host.Simulation.Chips.Bme280;
using OneNetFirmware.Host.Simulation.Chips.Dht;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Sampling;
using OneNetFirmware.Runtime.Sampling;
using Xunit;

namespace OneNetFirmware.Host.Tests.Drivers
{
    /// <summary>The shipped nf-config.json, wired to simulated chips: every configured channel reports a plausible value.</summary>
    public class SampleConfigSensorsTests
    {
        [Fact]
        public void EveryConfiguredSensorIsReadableThroughItsSimulatedChip()
        {
            NodeConfig config = ConfigFile.Load(RepoPaths.Of("nf-config.json")).Config;
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            foreach (SensorConfig s in config.Sensors)
            {
                int address = string.IsNullOrEmpty(s.Address) ? SensorRegistry.DefaultAddress(s.Type) : TextRules.ParseI2cAddress(s.Address);
                switch (s.Type)
                {
                    case Sht3xDriver.TypeName: hardware.Bus(s.Bus).Attach(address, new Sht3xChip(clock) { Temperature = 21, Humidity = 40 }); break;
                    case Aht20Driver.TypeName: hardware.Bus(s.Bus).Attach(address, new Aht20Chip(clock) { Temperature = 21, Humidity = 40 }); break;
                    case Bme280Driver.Bme280TypeName: hardware.Bus(s.Bus).Attach(address, new Bme280Chip(clock, true) { Temperature = 21, Humidity = 40, Pressure = 101000 }); break;
                    case Bme280Driver.Bmp280TypeName: hardware.Bus(s.Bus).Attach(address, new Bme280Chip(clock, false) { Temperature = 21, Pressure = 101000 }); break;
                    case Bh1750Driver.TypeName: hardware.Bus(s.Bus).Attach(address, new Bh1750Chip(clock) { Lux = 500 }); break;
                    default: hardware.AttachDht(s.Pin, new SimulatedDht(s.Type == DhtDriver.Dht22TypeName) { Temperature = 21, Humidity = 40 }); break;
                }
            }
            var sampler = new SensorSampler(config.Sensors, hardware, clock);
            Assert.Equal(0, sampler.MissingSensors);
            Assert.NotEmpty(sampler.Channels);
            sampler.Sample(clock.NowMilliseconds);
            foreach (SensorChannel channel in sampler.Channels)
            {
                Assert.True(channel.Outcome == ChannelOutcome.Report, channel.Identifier + ": " + channel.Status);
                double expected = channel.Identifier.Contains("ress") ? 1010.0 : channel.Identifier.Contains("llum") ? 500.0 : channel.Identifier.Contains("umid") ? 40.0 : 21.0;
                Assert.Equal(expected, channel.Value, 0.6);
            }
        }
    }
}
