using nanoFramework.TestFramework;
using OneNetFirmware.Drivers.Gpio;

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
    }
}
