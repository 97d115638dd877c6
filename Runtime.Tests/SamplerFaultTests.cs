using System;
using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Dht;
using OneNetFirmware.Runtime.Ports;
using OneNetFirmware.Runtime.Sampling;

namespace NFUnitTest.Runtime
{
    /// <summary>A DHT whose library throws, on the board's runtime: a failed read, counted and retried, never a crash.</summary>
    [TestClass]
    public class SamplerFaultTests
    {
        private sealed class ThrowingDht : IDhtReader, ISensorHardware
        {
            public bool OpenThrows;
            public bool MeasureThrows;

            public void Open()
            {
                if (OpenThrows) throw new InvalidOperationException("RMT channel unavailable");
            }

            public ReadStatus Measure(Reading[] readings)
            {
                if (MeasureThrows) throw new NotImplementedException("Can not convert 0 to base units.");
                readings[0].Value = 21.5;
                readings[1].Value = 40;
                return ReadStatus.Ok;
            }

            public II2cDevice OpenI2c(int bus, int address) { return null; }

            public IDhtReader OpenDht(string type, int dataPin, int triggerPin) { return this; }
        }

        private static SensorSampler Sampler(ThrowingDht dht, TestClock clock)
        {
            var channel = new ChannelConfig();
            channel.Quantity = "temperature";
            channel.Identifier = "t";
            var sensor = new SensorConfig();
            sensor.Type = "dht22";
            sensor.Pin = 4;
            sensor.TriggerPin = 5;
            sensor.IntervalSeconds = 10;
            sensor.Channels = new ChannelConfig[] { channel };
            return new SensorSampler(new SensorConfig[] { sensor }, dht, clock);
        }

        [TestMethod]
        public void ThrowsOnOpenThenOnReadThenRecovers()
        {
            var clock = new TestClock();
            var dht = new ThrowingDht();
            dht.OpenThrows = true;
            SensorSampler sampler = Sampler(dht, clock);

            sampler.SampleDue(clock.Now, false, null);
            Assert.AreEqual(ReadStatus.Threw, sampler.LastStatus(0));
            clock.Now = 10000;
            sampler.SampleDue(clock.Now, false, null);
            Assert.AreEqual(2, sampler.SensorFailures(0));
            clock.Now = 29999;
            sampler.SampleDue(clock.Now, false, null);
            Assert.AreEqual(2, sampler.SensorFailures(0)); // backed off to 20 s after the second failure

            dht.OpenThrows = false;
            dht.MeasureThrows = true;
            clock.Now = 30000;
            sampler.SampleDue(clock.Now, false, null);
            Assert.AreEqual(3, sampler.SensorFailures(0));
            Assert.IsTrue(double.IsNaN(sampler.Channels[0].Value));

            dht.MeasureThrows = false;
            clock.Now = 70000;
            sampler.SampleDue(clock.Now, false, null);
            Assert.AreEqual(ReadStatus.Ok, sampler.LastStatus(0));
            Assert.AreEqual(0, sampler.FailuresInRow(0));
            Assert.AreEqual(ChannelOutcome.Report, sampler.Channels[0].Outcome);
        }
    }
}
