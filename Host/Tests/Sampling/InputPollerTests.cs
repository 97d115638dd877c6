using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Runtime.Sampling;
using Xunit;

namespace OneNetFirmware.Host.Tests.Sampling
{
    public class InputPollerTests
    {
        [Fact]
        public void ContactAndCounterFromConfiguration()
        {
            var gpio = new SimulatedGpio();
            var clock = new VirtualClock();
            var poller = new InputPoller(
            [
                new InputConfig { Type = "contact", Pin = 27, Pull = "up", DebounceMilliseconds = 50, Identifier = "doorOpen" },
                new InputConfig { Type = "counter", Pin = 34, Pull = "none", Identifier = "rainTotal", RateIdentifier = "rainRate", Scale = 0.2794 },
            ], gpio);
            Assert.Equal(0, poller.Poll(clock.NowMilliseconds));

            gpio.Bounce(27, false, 4);
            for (int i = 0; i < 5; i++)
            {
                gpio.Set(34, true);
                gpio.Set(34, false);
            }
            int events = 0;
            for (int t = 0; t < 100; t++)
            {
                clock.Advance(10);
                events += poller.Poll(clock.NowMilliseconds);
            }
            InputChannel door = poller.Inputs[0];
            InputChannel rain = poller.Inputs[1];
            Assert.Equal(1, events);
            Assert.True(door.Active);
            Assert.Equal(5 * 0.2794, rain.Total, 1e-9);
            Assert.True(double.IsNaN(rain.RatePerMinute));

            clock.Advance(59000);
            Assert.Equal(1, poller.Poll(clock.NowMilliseconds));
            Assert.True(rain.RateChanged);
            Assert.Equal(5 * 0.2794, rain.RatePerMinute, 1e-9);
        }
    }
}
