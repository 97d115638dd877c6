using System;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Aht20;
using OneNetFirmware.Drivers.Chips.Bh1750;
using OneNetFirmware.Drivers.Chips.Bme280;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Drivers.Chips.Sht3x;
using OneNetFirmware.Drivers.Filters;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Sampling;
using OneNetFirmware.Runtime.Sampling;
using Xunit;

namespace OneNetFirmware.Host.Tests.Drivers
{
    /// <summary>Decoding, filtering and sampling allocate nothing per read (the simulated chips may; they are not measured).</summary>
    public class AllocationTests
    {
        private static long Allocated(Action action)
        {
            action(); // warm up (JIT, static init)
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++) action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [Fact]
        public void DecodersAllocateNothing()
        {
            var two = new[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Humidity, "%RH") };
            var three = new[] { new Reading(Quantity.Temperature, "°C"), new Reading(Quantity.Pressure, "Pa"), new Reading(Quantity.Humidity, "%RH") };
            byte[] sht = [0x66, 0x66, 0, 0x80, 0x00, 0];
            sht[2] = Crc8.Compute(sht, 0, 2);
            sht[5] = Crc8.Compute(sht, 3, 2);
            byte[] aht = [0x1C, 0x80, 0x00, 0x06, 0x00, 0x00, 0];
            aht[6] = Crc8.Compute(aht, 0, 6);
            byte[] dht = [0x02, 0x8C, 0x01, 0x5F, 0xEE];
            byte[] bosch = [0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00, 0x80, 0x00];
            var calibration = new BoschCalibration { T1 = 27504, T2 = 26435, T3 = -1000, P1 = 36477, P2 = -10685, P3 = 3024, P4 = 2855, P5 = 140, P6 = -7, P7 = 15500, P8 = -14600, P9 = 6000, H1 = 75, H2 = 364, H4 = 330, H5 = 50, H6 = 30 };
            var filter = new ChannelFilter(1.0, 0.0, -40, 85, 8, 0.1, 60);
            long t = 0;
            long bytes = Allocated(() =>
            {
                Sht3xDriver.Decode(sht, 0, two);
                Aht20Driver.Decode(aht, 0, two);
                DhtFrame.Decode(dht, 0, true, two);
                Bme280Driver.Decode(bosch, 0, calibration, true, three);
                Bh1750Driver.Decode(sht, 0);
                filter.Apply(two[0].Value, t += 1000);
            });
            Assert.Equal(0, bytes);
        }

        [Fact]
        public void SamplingAllocatesNothingOnceBuilt()
        {
            var clock = new VirtualClock();
            var hardware = new SimulatedSensorHardware();
            // The SHT3x model allocates nothing itself, so this measures driver + filter + sampler on every due read.
            hardware.Bus(1).Attach(0x44, new Sht3xChip(clock));
            var config = new SensorConfig { Type = Sht3xDriver.TypeName, Bus = 1, IntervalSeconds = 1, Channels = [new ChannelConfig { Quantity = Quantity.Temperature, Identifier = "t" }, new ChannelConfig { Quantity = Quantity.Humidity, Identifier = "h", AverageSamples = 4 }] };
            var sampler = new SensorSampler([config], hardware, clock);
            int reads = 0;
            long bytes = Allocated(() =>
            {
                clock.Advance(1000);
                if (sampler.Sample(clock.NowMilliseconds) == 2 && sampler.Channels[0].Outcome == ChannelOutcome.Report) reads++;
            });
            Assert.Equal(101, reads);
            Assert.Equal(0, bytes);
        }
    }
}
