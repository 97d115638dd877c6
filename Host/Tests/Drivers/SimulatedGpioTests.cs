using OneNetFirmware.Drivers.Gpio;
using OneNetFirmware.Host.Simulation;
using Xunit;

namespace OneNetFirmware.Host.Tests.Drivers
{
    /// <summary>GPIO logic over the simulated port and the virtual clock: debounce, pulses, outputs, status LED.</summary>
    public class SimulatedGpioTests
    {
        [Fact]
        public void BouncingDoorContactRaisesOneEvent()
        {
            var gpio = new SimulatedGpio();
            var clock = new VirtualClock();
            gpio.OpenInput(13, GpioPull.Up);
            var door = new DebouncedInput(GpioPull.Up, 50);
            door.Update(gpio.Read(13), clock.NowMilliseconds);
            int events = 0;
            gpio.Bounce(13, false, 5);
            for (int i = 0; i < 20; i++)
            {
                clock.Advance(10);
                if (i == 1) gpio.Bounce(13, false, 3);
                if (door.Update(gpio.Read(13), clock.NowMilliseconds)) events++;
            }
            Assert.Equal(1, events);
            Assert.True(door.Active);
        }

        [Fact]
        public void PulseCounterTakesEdgesFromThePort()
        {
            var gpio = new SimulatedGpio();
            gpio.OpenInput(14, GpioPull.Up);
            var counter = new PulseCounter(0.5);
            counter.Add(gpio.TakeEdges(14), 0);
            for (int i = 0; i < 12; i++)
            {
                gpio.Set(14, false);
                gpio.Set(14, true);
            }
            Assert.True(counter.Add(gpio.TakeEdges(14), 60000));
            Assert.Equal(12, counter.Pulses);
            Assert.Equal(6.0, counter.RatePerMinute, 1e-9);
            Assert.Equal(0, gpio.TakeEdges(14));
        }

        [Fact]
        public void ActiveLowRelayDrivesTheInvertedLevel()
        {
            var gpio = new SimulatedGpio();
            var relay = new DigitalOutput(gpio, 26, activeLow: true, initialOn: false);
            Assert.True(gpio.Read(26));
            relay.On = true;
            Assert.False(gpio.Read(26));
            Assert.True(relay.On);
        }

        [Fact]
        public void StatusLedFollowsTheVirtualClock()
        {
            var gpio = new SimulatedGpio();
            var clock = new VirtualClock();
            var led = new DigitalOutput(gpio, 2, false, false);
            int changes = 0;
            bool last = false;
            for (int i = 0; i < 100; i++)
            {
                led.On = StatusLed.IsOn(LinkState.Error, clock.NowMilliseconds);
                if (gpio.Read(2) != last) changes++;
                last = gpio.Read(2);
                clock.Advance(50);
            }
            // 5 s of 5 Hz blinking: 50 level changes.
            Assert.Equal(50, changes);
        }
    }
}
