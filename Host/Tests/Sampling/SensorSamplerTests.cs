using System.Collections.Generic;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Aht20;
using OneNetFirmware.Drivers.Chips.Bme280;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Drivers.Chips.Sht3x;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Aht20;
using OneNetFirmware.Host.Simulation.Chips.Bme280;
using OneNetFirmware.Host.Simulation.Chips.Dht;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Runtime.Sampling;
using Xunit;

namespace OneNetFirmware.Host.Tests.Sampling
{
    public class SensorSamplerTests
    {
        private static SensorConfig Bme(int intervalSeconds, params ChannelConfig[] channels) =>
            new SensorConfig { Type = Bme280Driver.Bme280TypeName, Bus = 1, Address = "0x77", IntervalSeconds = intervalSeconds, Channels = channels };

        private static ChannelConfig Channel(string quantity, string identifier) =>
            new ChannelConfig { Quantity = quantity, Identifier = identifier };

        [Fact]
        public void ChannelsFollowConfigurationAndReportFilteredValues()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            var chip = new Bme280Chip(clock, true) { Temperature = 20.0, Humidity = 50.0, Pressure = 100000 };
            hardware.Bus(1).Attach(0x77, chip);
            ChannelConfig humidity = Channel(Quantity.Humidity, "hum");
            humidity.Offset = 2.0;
            var sampler = new SensorSampler([Bme(10, Channel(Quantity.Temperature, "temp"), humidity)], hardware, clock);

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
            var sampler = new SensorSampler([Bme(10, Channel(Quantity.Temperature, "temp"))], hardware, clock);
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
            var config = new SensorConfig { Type = DhtDriver.Dht22TypeName, Pin = 4, TriggerPin = 5, IntervalSeconds = 0, Channels = [Channel(Quantity.Temperature, "t")] };
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
            var config = new SensorConfig { Type = Bme280Driver.Bmp280TypeName, Bus = 1, IntervalSeconds = 1, Channels = [Channel(Quantity.Pressure, "p")] };
            var sampler = new SensorSampler([config], hardware, clock);
            SensorChannel channel = sampler.Channels[0];

            Assert.Equal(1, sampler.Sample(0));
            Assert.Equal(ChannelOutcome.Failed, channel.Outcome);
            Assert.Equal(ReadStatus.NotFound, channel.Status);
            Assert.True(double.IsNaN(channel.Value));
            sampler.Sample(1000);
            Assert.Equal(2, sampler.SensorFailures(0));
            Assert.Equal(2, sampler.FailuresInRow(0));

            chip.Absent = false;
            Assert.Equal(0, sampler.Sample(2000)); // second failure in a row: retried after 2 × 1 s
            sampler.Sample(3000);
            Assert.Equal(ChannelOutcome.Report, channel.Outcome);
            Assert.Equal(ReadStatus.Ok, channel.Status);
            Assert.Equal(0, sampler.FailuresInRow(0));
            Assert.Equal(2, sampler.SensorFailures(0));
        }

        [Fact]
        public void RangeRejectionIsAFailureWithOutOfRange()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            hardware.Bus(1).Attach(0x44, new Sht3xChip(clock) { Temperature = 60 });
            ChannelConfig t = Channel(Quantity.Temperature, "t");
            t.Min = -20;
            t.Max = 50;
            var config = new SensorConfig { Type = Sht3xDriver.TypeName, Bus = 1, IntervalSeconds = 1, Channels = [t] };
            var sampler = new SensorSampler([config], hardware, clock);
            sampler.Sample(0);
            Assert.Equal(ChannelOutcome.Failed, sampler.Channels[0].Outcome);
            Assert.Equal(ReadStatus.OutOfRange, sampler.Channels[0].Status);
        }

        [Fact]
        public void SensorWithoutHardwareIsCountedMissing()
        {
            var clock = new VirtualClock();
            var config = new SensorConfig { Type = DhtDriver.Dht11TypeName, Pin = 4, TriggerPin = 5, IntervalSeconds = 2, Channels = [Channel(Quantity.Temperature, "t")] };
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
            var aht = new SensorConfig { Type = Aht20Driver.TypeName, Bus = 1, IntervalSeconds = 10, Channels = [Channel(Quantity.Temperature, "t2")] };
            var sampler = new SensorSampler([Bme(10, Channel(Quantity.Temperature, "temp")), aht], hardware, clock);
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
            // A forced read still keeps each chip's minimum spacing: the BME280 (1 s) first, the AHT20 (2 s) later.
            Assert.Equal(0, sampler.Sample(clock.NowMilliseconds));
            clock.Advance(900);
            Assert.Equal(1, sampler.Sample(clock.NowMilliseconds));
            clock.Advance(1000);
            sampler.MarkAllDue();
            Assert.Equal(2, sampler.Sample(clock.NowMilliseconds));
        }

        private static SensorConfig Dht22(int pin, int intervalSeconds) => new SensorConfig
        {
            Type = DhtDriver.Dht22TypeName, Pin = pin, TriggerPin = pin + 1, IntervalSeconds = intervalSeconds,
            Channels = [Channel(Quantity.Temperature, "t" + pin), Channel(Quantity.Humidity, "h" + pin)],
        };

        [Fact]
        public void ADriverThatThrowsOnInitialiseIsAFailedReadRetriedWithItsOwnBackoff()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            var broken = new SimulatedDht(true) { OpenThrows = true };
            var good = new SimulatedDht(true) { Temperature = 18 };
            hardware.AttachDht(4, broken);
            hardware.AttachDht(12, good);
            var sampler = new SensorSampler([Dht22(4, 10), Dht22(12, 10)], hardware, clock);

            var attempts = new List<long>();
            int goodReads = 0;
            for (; clock.NowMilliseconds <= 20 * 60_000; clock.Advance(100))
            {
                long t = clock.NowMilliseconds;
                int before = sampler.SensorFailures(0);
                sampler.Sample(t);
                if (sampler.SensorFailures(0) > before) attempts.Add(t);
                if (sampler.Channels[2].Outcome != ChannelOutcome.NotDue) goodReads++;
            }
            // 10 s, then doubling: 0, 10, 30, 70, 150, 310 s, then every 300 s (the cap).
            Assert.Equal(new long[] { 0, 10_000, 30_000, 70_000, 150_000, 310_000, 610_000, 910_000 }, attempts);
            Assert.Equal(ReadStatus.Threw, sampler.LastStatus(0));
            Assert.Equal(ReadStatus.Threw, sampler.Channels[0].Status);
            Assert.True(double.IsNaN(sampler.Channels[0].Value));
            Assert.Equal(121, goodReads); // the healthy sensor next to it kept its 10 s interval
            Assert.Equal(0, sampler.SensorFailures(1));
            Assert.Equal(ReadStatus.Ok, sampler.LastStatus(1));

            broken.OpenThrows = false;
            clock.Advance(1_510_000 - clock.NowMilliseconds);
            sampler.Sample(1_510_000);
            Assert.Equal(ReadStatus.Ok, sampler.LastStatus(0));
            Assert.Equal(0, sampler.FailuresInRow(0));
            Assert.Equal(8, sampler.SensorFailures(0));
            Assert.Equal(ChannelOutcome.Report, sampler.Channels[0].Outcome);
            clock.Advance(10_000);
            sampler.Sample(1_510_000 + 9_999);
            Assert.Equal(ChannelOutcome.NotDue, sampler.Channels[0].Outcome); // back on its 10 s interval
            sampler.Sample(1_520_000);
            Assert.Equal(ChannelOutcome.Report, sampler.Channels[0].Outcome);
        }

        [Fact]
        public void ADriverThatThrowsOnReadIsReinitialisedAndNeverLeavesAValue()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            var dht = new SimulatedDht(true) { Temperature = 21 };
            hardware.AttachDht(4, dht);
            var sampler = new SensorSampler([Dht22(4, 2)], hardware, clock);
            clock.Advance(0);
            Assert.Equal(2, sampler.Sample(clock.NowMilliseconds));
            Assert.Equal(1, dht.Opens);

            dht.MeasureThrows = true;
            clock.Advance(2000);
            Assert.Equal(2, sampler.Sample(clock.NowMilliseconds));
            Assert.All(sampler.Channels, c => Assert.Equal(ChannelOutcome.Failed, c.Outcome));
            Assert.All(sampler.Channels, c => Assert.True(double.IsNaN(c.Value)));
            Assert.Equal(ReadStatus.Threw, sampler.LastStatus(0));

            dht.MeasureThrows = false;
            clock.Advance(2000);
            sampler.Sample(clock.NowMilliseconds);
            Assert.Equal(2, dht.Opens); // opened again after the exception
            Assert.Equal(ReadStatus.Ok, sampler.LastStatus(0));
            Assert.Equal(21, sampler.Channels[0].Value, 0.05);
        }

        [Fact]
        public void IntermittentExceptionsAreCountedAndEveryOtherReadStillReports()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            var dht = new SimulatedDht(true);
            hardware.AttachDht(4, dht);
            var sampler = new SensorSampler([Dht22(4, 2)], hardware, clock);
            int reports = 0;
            for (int i = 0; i < 30; i++)
            {
                dht.MeasureThrows = i % 3 == 2;
                sampler.Sample(clock.NowMilliseconds);
                if (sampler.Channels[0].Outcome == ChannelOutcome.Report) reports++;
                clock.Advance(2000);
            }
            // Every third read throws; a single failure keeps the 2 s interval, so nothing is skipped.
            Assert.Equal(10, sampler.SensorFailures(0));
            Assert.Equal(20, reports);
            Assert.Equal(10, sampler.SensorFailures(0));
        }

        [Theory]
        [InlineData(10_000, 0, 10_000)]
        [InlineData(10_000, 1, 10_000)]
        [InlineData(10_000, 2, 20_000)]
        [InlineData(10_000, 5, 160_000)]
        [InlineData(10_000, 6, 300_000)]
        [InlineData(10_000, 1000, 300_000)]
        [InlineData(600_000, 3, 600_000)]
        public void RetryDelayDoublesUpToItsCap(int intervalMs, int failuresInRow, long expected) =>
            Assert.Equal(expected, SensorSampler.RetryDelayMilliseconds(intervalMs, failuresInRow));
}
}
