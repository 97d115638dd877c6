using OneNetFirmware.Config;
using OneNetFirmware.Drivers;
using OneNetFirmware.Drivers.Sensors;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips;
using OneNetFirmware.Sensors;
using Xunit;

namespace OneNetFirmware.Host.Tests.Drivers
{
    public class SensorSamplerTests
    {
        private static SensorConfig Bme(int intervalSeconds, params ChannelConfig[] channels) =>
            new SensorConfig { Type = SensorCatalog.Bme280, Bus = 1, Address = "0x77", IntervalSeconds = intervalSeconds, Channels = channels };

        private static ChannelConfig Channel(string quantity, string identifier) =>
            new ChannelConfig { Quantity = quantity, Identifier = identifier };

        [Fact]
        public void ChannelsFollowConfigurationAndReportFilteredValues()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            var chip = new Bme280Chip(clock, true) { Temperature = 20.0, Humidity = 50.0, Pressure = 100000 };
            hardware.Bus(1).Attach(0x77, chip);
            ChannelConfig humidity = Channel(SensorCatalog.Humidity, "hum");
            humidity.Offset = 2.0;
            var sampler = new SensorSampler([Bme(10, Channel(SensorCatalog.Temperature, "temp"), humidity)], hardware, clock);

            Assert.Equal(2, sampler.Channels.Length);
            Assert.Equal(2, sampler.Sample(clock.NowMilliseconds));
            Assert.Equal("temp", sampler.Channels[0].Identifier);
            Assert.Equal(ChannelOutcome.Report, sampler.Channels[0].Outcome);
            Assert.Equal(20.0, sampler.Channels[0].Value, 0.011);
            Assert.Equal(52.0, sampler.Channels[1].Value, 0.05);
        }

        [Fact]
        public void SensorsAreReadOnlyWhenTheirIntervalHasPassed()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            var chip = new Bme280Chip(clock, true);
            hardware.Bus(1).Attach(0x77, chip);
            var sampler = new SensorSampler([Bme(10, Channel(SensorCatalog.Temperature, "temp"))], hardware, clock);
            sampler.Sample(0);
            int transfers = chip.Transfers;
            Assert.Equal(0, sampler.Sample(9999));
            Assert.Equal(ChannelOutcome.NotDue, sampler.Channels[0].Outcome);
            Assert.Equal(transfers, chip.Transfers);
            Assert.Equal(1, sampler.Sample(10000));
        }

        [Fact]
        public void IntervalNeverBeatsTheDriverMinimum()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            hardware.AttachDht(4, new SimulatedDht(true));
            var config = new SensorConfig { Type = SensorCatalog.Dht22, Pin = 4, TriggerPin = 5, IntervalSeconds = 0, Channels = [Channel(SensorCatalog.Temperature, "t")] };
            var sampler = new SensorSampler([config], hardware, clock);
            Assert.Equal(1, sampler.Sample(0));
            Assert.Equal(0, sampler.Sample(1999));
            Assert.Equal(1, sampler.Sample(2000));
        }

        [Fact]
        public void FailuresAreCountedAndRecoveryReinitialises()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            var chip = new Bme280Chip(clock, false) { Absent = true };
            hardware.Bus(1).Attach(0x76, chip);
            var config = new SensorConfig { Type = SensorCatalog.Bmp280, Bus = 1, IntervalSeconds = 1, Channels = [Channel(SensorCatalog.Pressure, "p")] };
            var sampler = new SensorSampler([config], hardware, clock);
            SensorChannel channel = sampler.Channels[0];

            Assert.Equal(1, sampler.Sample(0));
            Assert.Equal(ChannelOutcome.Failed, channel.Outcome);
            Assert.Equal(ReadStatus.NotFound, channel.Status);
            Assert.True(double.IsNaN(channel.Value));
            sampler.Sample(1000);
            Assert.Equal(2, channel.FailureCount);
            Assert.Equal(2, channel.ConsecutiveFailures);

            chip.Absent = false;
            sampler.Sample(2000);
            Assert.Equal(ChannelOutcome.Report, channel.Outcome);
            Assert.Equal(ReadStatus.Ok, channel.Status);
            Assert.Equal(0, channel.ConsecutiveFailures);
            Assert.Equal(2, channel.FailureCount);
        }

        [Fact]
        public void RangeRejectionIsAFailureWithOutOfRange()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            hardware.Bus(1).Attach(0x44, new Sht3xChip(clock) { Temperature = 60 });
            ChannelConfig t = Channel(SensorCatalog.Temperature, "t");
            t.Min = -20;
            t.Max = 50;
            var config = new SensorConfig { Type = SensorCatalog.Sht3x, Bus = 1, IntervalSeconds = 1, Channels = [t] };
            var sampler = new SensorSampler([config], hardware, clock);
            sampler.Sample(0);
            Assert.Equal(ChannelOutcome.Failed, sampler.Channels[0].Outcome);
            Assert.Equal(ReadStatus.OutOfRange, sampler.Channels[0].Status);
        }

        [Fact]
        public void SensorWithoutHardwareIsCountedMissing()
        {
            var clock = new VirtualClock();
            var config = new SensorConfig { Type = SensorCatalog.Dht11, Pin = 4, TriggerPin = 5, IntervalSeconds = 2, Channels = [Channel(SensorCatalog.Temperature, "t")] };
            var sampler = new SensorSampler([config], new SimulatedSensorHardware(), clock);
            Assert.Equal(1, sampler.MissingSensors);
            Assert.Empty(sampler.Channels);
            Assert.Equal(0, sampler.Sample(0));
        }
    
        [Fact]
        public void IntervalChangesRespectTheSlowestChipAndMarkAllDueForcesARead()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            hardware.Bus(1).Attach(0x77, new Bme280Chip(clock, true) { Temperature = 20.0, Humidity = 50.0, Pressure = 100000 });
            hardware.Bus(1).Attach(0x38, new Aht20Chip(clock) { Temperature = 21, Humidity = 40 });
            var aht = new SensorConfig { Type = SensorCatalog.Aht20, Bus = 1, IntervalSeconds = 10, Channels = [Channel(SensorCatalog.Temperature, "t2")] };
            var sampler = new SensorSampler([Bme(10, Channel(SensorCatalog.Temperature, "temp")), aht], hardware, clock);
            sampler.Sample(clock.NowMilliseconds);

            Assert.False(sampler.SetIntervalSeconds(1)); // the AHT20 allows 2 s at the fastest
            clock.Advance(2_000);
            Assert.Equal(0, sampler.Sample(clock.NowMilliseconds)); // unchanged: still 10 s
            Assert.True(sampler.SetIntervalSeconds(2));
            clock.Advance(8_000);
            sampler.Sample(clock.NowMilliseconds); // due at 10 s under the old interval; next due 2 s later
            clock.Advance(2_000);
            Assert.Equal(2, sampler.Sample(clock.NowMilliseconds));

            clock.Advance(100);
            Assert.Equal(0, sampler.Sample(clock.NowMilliseconds));
            sampler.MarkAllDue();
            Assert.Equal(2, sampler.Sample(clock.NowMilliseconds));
        }
}
}
