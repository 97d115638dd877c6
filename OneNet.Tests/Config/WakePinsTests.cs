using nanoFramework.TestFramework;
using OneNetFirmware.OneNet.Config;

namespace NFUnitTest.OneNet.Config
{
    /// <summary>Battery mode's wake pins: only RTC GPIOs wake the chip, and the first event input on one is chosen.</summary>
    [TestClass]
    public class WakePinsTests
    {
        [TestMethod]
        [DataRow(0, true)]
        [DataRow(2, true)]
        [DataRow(4, true)]
        [DataRow(13, true)]
        [DataRow(26, true)]
        [DataRow(36, true)]
        [DataRow(1, false)]
        [DataRow(5, false)]
        [DataRow(16, false)]
        [DataRow(23, false)]
        [DataRow(40, false)]
        [DataRow(-1, false)]
        public void OnlyRtcGpiosCanWakeTheChip(int pin, bool can)
        {
            Assert.AreEqual(can, WakePins.CanWake(pin));
        }

        [TestMethod]
        public void TheWakeInputIsTheFirstEventInputOnAnRtcGpio()
        {
            InputConfig[] inputs = new InputConfig[]
            {
                Input("counter", 27, "rain"),
                Input("button", 5, "bell"),
                Input("motion", 32, "pir"),
                Input("contact", 33, "door"),
            };
            Assert.AreEqual("pir", WakePins.WakeInput(inputs).Identifier);
        }

        [TestMethod]
        public void NoEventInputOnAnRtcGpioMeansNoWakeInput()
        {
            Assert.IsNull(WakePins.WakeInput(new InputConfig[] { Input("counter", 27, "rain"), Input("contact", 5, "door") }));
            Assert.IsNull(WakePins.WakeInput(new InputConfig[0]));
            Assert.IsNull(WakePins.WakeInput(null));
        }

        private static InputConfig Input(string type, int pin, string identifier)
        {
            var input = new InputConfig();
            input.Type = type;
            input.Pin = pin;
            input.Identifier = identifier;
            return input;
        }
    }
}
