using System.Linq;
using OneNetFirmware.Host.Config;
using Xunit;

namespace OneNetFirmware.Host.Tests.Drivers
{
    /// <summary>Sensor, pin and filter validation on the shipped example, each fault reported with its JSON path.</summary>
    public class SensorConfigValidationTests
    {
        private static string Sample => System.IO.File.ReadAllText(RepoPaths.Of("nf-config.json"));

        private static string[] ErrorsOf(string json)
        {
            var result = ConfigFile.Parse(json);
            return Enumerable.Range(0, result.Errors.Count).Select(i => result.Errors[i]).ToArray();
        }

        [Fact]
        public void DhtWithoutTriggerPinNamesTheMissingField()
        {
            string[] errors = ErrorsOf(Sample.Replace("\"triggerPin\": 5,", ""));
            Assert.Equal(["sensors[3].triggerPin: a dht22 needs pin (receive) and triggerPin (start pulse), both wired to its data line"], errors);
        }

        [Fact]
        public void DhtPinsMustDiffer()
        {
            string[] errors = ErrorsOf(Sample.Replace("\"triggerPin\": 5,", "\"triggerPin\": 4,"));
            Assert.Equal(["sensors[3].triggerPin: GPIO 4 is already used by sensors[3].pin"], errors);
        }

        [Fact]
        public void InputOnlyPinsHaveNoInternalPull()
        {
            string[] errors = ErrorsOf(Sample.Replace("\"pin\": 34, \"pull\": \"none\"", "\"pin\": 34, \"pull\": \"up\""));
            Assert.Single(errors);
            Assert.StartsWith("inputs[1].pull: GPIO 34 has no internal pull resistor", errors[0]);
        }

        [Fact]
        public void WrongAddressAndQuantityAreRejectedWithPaths()
        {
            string json = Sample
                .Replace("\"address\": \"0x23\"", "\"address\": \"0x24\"")
                .Replace("{ \"quantity\": \"pressure\", \"identifier\": \"pressure\"", "{ \"quantity\": \"illuminance\", \"identifier\": \"pressure\"");
            string[] errors = ErrorsOf(json);
            Assert.Contains("sensors[2].address: '0x24' is not an address a bh1750 can have", errors);
            Assert.Contains("sensors[1].channels[0].quantity: a bme280 measures temperature, humidity, pressure", errors);
            Assert.Equal(2, errors.Length);
        }

        [Fact]
        public void FilterFieldsAreChecked()
        {
            string json = Sample.Replace("\"min\": 0, \"max\": 100 }\n      ]\n    },\n    {\n      \"type\": \"bme280\"", "\"min\": 0, \"max\": 100, \"averageSamples\": 0, \"reportDelta\": -1 }\n      ]\n    },\n    {\n      \"type\": \"bme280\"");
            string[] errors = ErrorsOf(json);
            Assert.Contains("sensors[0].channels[1].averageSamples: must be 1 to 64", errors);
            Assert.Contains("sensors[0].channels[1].reportDelta: must not be negative", errors);
        }
    }
}
