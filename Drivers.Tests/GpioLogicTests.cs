using nanoFramework.TestFramework;
using OneNetFirmware.Drivers;
using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Drivers.Ports;

namespace NFUnitTest.Drivers
{
    [TestClass]
    public class GpioLogicTests
    {
        [TestMethod]
        public void DebounceIgnoresBouncesShorterThanTheWindow()
        {
            DebouncedInput input = new DebouncedInput(GpioPull.Up, 50);
            Assert.IsFalse(input.Update(true, 0));
            Assert.IsFalse(input.Active);
            Assert.IsFalse(input.Update(false, 10));
            Assert.IsFalse(input.Update(true, 20));
            Assert.IsFalse(input.Update(false, 30));
            Assert.IsFalse(input.Update(false, 79));
            Assert.IsTrue(input.Update(false, 80));
            Assert.IsTrue(input.Active);
            Assert.IsFalse(input.Update(false, 200));
        }

        [TestMethod]
        public void PullDownInputIsActiveHigh()
        {
            DebouncedInput input = new DebouncedInput(GpioPull.Down, 0);
            input.Update(false, 0);
            Assert.IsTrue(input.Update(true, 1));
            Assert.IsTrue(input.Active);
            Assert.IsTrue(input.Update(false, 2));
            Assert.IsFalse(input.Active);
        }

        [TestMethod]
        public void PulseCounterCountsTwoEdgesPerPulseAndScales()
        {
            PulseCounter counter = new PulseCounter(0.2794);
            counter.Add(0, 0);
            counter.Add(3, 1000);
            Assert.AreEqual(1L, counter.Pulses);
            counter.Add(1, 2000);
            Assert.AreEqual(2L, counter.Pulses);
            Assert.IsTrue(double.IsNaN(counter.RatePerMinute));
            Near.Check(0.5588, counter.Total, 1e-9, "total");
        }

        [TestMethod]
        public void PulseRateIsPerMinuteOverTheWindow()
        {
            PulseCounter counter = new PulseCounter(2.0);
            counter.Add(0, 0);
            Assert.IsFalse(counter.Add(20, 30000));
            Assert.IsTrue(counter.Add(40, 120000));
            // 30 pulses in 2 minutes, 2 units each: 30 units per minute.
            Near.Check(30.0, counter.RatePerMinute, 1e-9, "rate");
        }

        [TestMethod]
        public void StatusLedPatternsDiffer()
        {
            // Sample each pattern every 50 ms over 6 s; every pair must differ somewhere.
            LinkState[] states = new LinkState[] { LinkState.NoNetwork, LinkState.NoBroker, LinkState.Online, LinkState.Error };
            for (int a = 0; a < states.Length; a++)
            {
                for (int b = a + 1; b < states.Length; b++)
                {
                    bool differ = false;
                    for (long t = 0; t < 6000; t += 50)
                    {
                        if (StatusLed.IsOn(states[a], t) != StatusLed.IsOn(states[b], t)) differ = true;
                    }
                    Assert.IsTrue(differ, "patterns " + a + " and " + b);
                }
            }
        }

        [TestMethod]
        public void StatusLedOnlineIsAShortBlip()
        {
            Assert.IsTrue(StatusLed.IsOn(LinkState.Online, 3050));
            Assert.IsFalse(StatusLed.IsOn(LinkState.Online, 3150));
            Assert.IsTrue(StatusLed.IsOn(LinkState.NoNetwork, 499));
            Assert.IsFalse(StatusLed.IsOn(LinkState.NoNetwork, 500));
            Assert.IsTrue(StatusLed.IsOn(LinkState.NoBroker, 350));
            Assert.IsFalse(StatusLed.IsOn(LinkState.NoBroker, 200));
        }

        [TestMethod]
        public void AnInputIsReadFirstThenAfterEachEdgeAndAtTheResyncOnly()
        {
            InputLevels levels = new InputLevels(4);
            Assert.IsTrue(levels.MustRead(2, 0)); // never read
            levels.Read(2, true, 0);
            Assert.IsFalse(levels.MustRead(2, 100));
            Assert.IsTrue(levels.Level(2));
            levels.Changed(2);
            Assert.IsTrue(levels.MustRead(2, 200)); // an edge: read again, once
            levels.Read(2, false, 200);
            Assert.IsFalse(levels.MustRead(2, 300));
            Assert.IsFalse(levels.Level(2));
            Assert.IsFalse(levels.MustRead(2, 200 + DriverDefaults.InputResyncMilliseconds - 1));
            Assert.IsTrue(levels.MustRead(2, 200 + DriverDefaults.InputResyncMilliseconds)); // a lost edge shows by then
            Assert.IsTrue(levels.MustRead(3, 300)); // pins are separate
        }

        [TestMethod]
        public void AnOutputWritesItsPinOnlyWhenItsStateChangesAndRetriesAFailedWrite()
        {
            CountingPort port = new CountingPort();
            DigitalOutput led = new DigitalOutput(port, 2, true, false);
            Assert.AreEqual(1, port.Opened);
            Assert.IsTrue(port.High); // active low: off is high
            led.On = false;
            Assert.AreEqual(0, port.Writes);
            led.On = true;
            led.On = true;
            Assert.AreEqual(1, port.Writes);
            Assert.IsFalse(port.High);
            port.Throw = true;
            Assert.ThrowsException(typeof(System.InvalidOperationException), () => { led.On = false; });
            Assert.IsTrue(led.On); // the failed write did not change the state
            port.Throw = false;
            led.On = false;
            Assert.AreEqual(2, port.Writes);
            Assert.IsTrue(port.High);
        }

        private sealed class CountingPort : IGpioPort
        {
            public int Opened;
            public int Writes;
            public bool High;
            public bool Throw;

            public void OpenInput(int pin, GpioPull pull) { }

            public void OpenOutput(int pin, bool high)
            {
                Opened++;
                High = high;
            }

            public bool Read(int pin) { return false; }

            public void Write(int pin, bool high)
            {
                if (Throw) throw new System.InvalidOperationException();
                Writes++;
                High = high;
            }

            public int TakeEdges(int pin) { return 0; }
        }
    }
}
