using System.Linq;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using Xunit;

namespace OneNetFirmware.Host.Tests.Config
{
    public class ConfigFileTests
    {
        private static string Sample => System.IO.File.ReadAllText(RepoPaths.Of("nf-config.json"));

        private static string[] ErrorsOf(string json)
        {
            var result = ConfigFile.Parse(json);
            return Enumerable.Range(0, result.Errors.Count).Select(i => result.Errors[i]).ToArray();
        }

        [Fact]
        public void TheShippedExampleIsValid()
        {
            var result = ConfigFile.Load(RepoPaths.Of("nf-config.json"));

            Assert.True(result.IsValid, string.Join("\n", ErrorsOf(Sample)));
            Assert.Equal("FakeProd01", result.Config.OneNet.ProductId);
            Assert.Equal(4, result.Config.Sensors.Length);
            Assert.Equal("sht3x", result.Config.Sensors[0].Type);
            Assert.Equal("temperature", result.Config.Sensors[0].Channels[0].Identifier);
        }

        [Theory]
        [InlineData("\"decimals\": 2 }", null)]
        [InlineData("\"decimals\": 6 }", null)]
        [InlineData("\"decimals\": 7 }", "inputs[1].decimals: must be 0 to 6")]
        [InlineData("\"decimals\": -1 }", "inputs[1].decimals: must be 0 to 6")]
        public void ACounterHasDecimalsForItsTotalAndRate(string decimals, string error)
        {
            Assert.Contains("\"scale\": 0.2794, \"decimals\": 2 }", Sample);
            string json = Sample.Replace("\"scale\": 0.2794, \"decimals\": 2 }", "\"scale\": 0.2794, " + decimals);

            Assert.Equal(error == null ? [] : [error], ErrorsOf(json));
            Assert.Equal(2, ConfigFile.Parse(Sample).Config.Inputs[1].Decimals);
        }

        [Fact]
        public void MissingSectionsKeepTheirDefaults()
        {
            var result = ConfigFile.Parse(@"{ ""wifi"": { ""ssid"": ""w"" }, ""onenet"": { ""productId"": ""P1"", ""deviceName"": ""d"", ""deviceKey"": ""QUJD"" } }");

            Assert.True(result.IsValid, string.Join("\n", Enumerable.Range(0, result.Errors.Count).Select(i => result.Errors[i])));
            Assert.Equal(60, result.Config.Node.ReportIntervalSeconds);
            Assert.Equal(15, result.Config.Watchdog.RebootAfterDowntimeMinutes);
            Assert.Equal("sha256", result.Config.OneNet.TokenMethod);
        }

        [Fact]
        public void ReportsEveryBadFieldWithItsPath()
        {
            string json = Sample
                .Replace("\"deviceName\": \"node-01\"", "\"deviceName\": \"node 01\"")
                .Replace("\"keepAliveSeconds\": 120", "\"keepAliveSeconds\": 5")
                .Replace("\"type\": \"bh1750\"", "\"type\": \"bh1751\"")
                .Replace("\"identifier\": \"outdoorHumidity\"", "\"identifier\": \"humidity\"")
                .Replace("\"pin\": 26", "\"pin\": 27");

            string[] errors = ErrorsOf(json);

            Assert.Contains(errors, e => e.StartsWith("onenet.deviceName: "));
            Assert.Contains(errors, e => e.StartsWith("onenet.keepAliveSeconds: "));
            Assert.Contains(errors, e => e.StartsWith("sensors[2].type: unknown sensor type 'bh1751'"));
            Assert.Contains(errors, e => e == "sensors[3].channels[1].identifier: 'humidity' is already used by sensors[0].channels[1].identifier");
            Assert.Contains(errors, e => e.StartsWith("inputs[0].pin: GPIO 27 is already used by outputs[0].pin"));
            Assert.Equal(5, errors.Length);
        }

        [Theory]
        [InlineData("report_interval")]
        [InlineData("sample_interval")]
        [InlineData("reboot")]
        [InlineData("report_now")]
        [InlineData("diag_uptime")]
        [InlineData("diag_s9_status")]
        public void AChannelOutputOrInputCannotTakeOneOfTheNodesOwnIdentifiers(string identifier)
        {
            foreach (string own in new[] { "\"identifier\": \"outdoorHumidity\"", "\"identifier\": \"relay1\"", "\"identifier\": \"doorOpen\"" })
            {
                Assert.Contains(own, Sample);
                string[] errors = ErrorsOf(Sample.Replace(own, "\"identifier\": \"" + identifier + "\""));
                string error = Assert.Single(errors);
                Assert.Contains("'" + identifier + "' is the node's own", error);
                Assert.EndsWith(".identifier", error.Substring(0, error.IndexOf(':')));
            }
        }

        [Fact]
        public void ChecksSensorWiringAgainstTheCatalog()
        {
            string json = Sample
                .Replace("\"address\": \"0x44\"", "\"address\": \"0x40\"")
                .Replace("\"intervalSeconds\": 10,", "\"intervalSeconds\": 1,")
                .Replace("{ \"quantity\": \"pressure\"", "{ \"quantity\": \"illuminance\"");

            string[] errors = ErrorsOf(json);

            Assert.Contains("sensors[0].address: '0x40' is not an address a sht3x can have", errors);
            Assert.Contains(errors, e => e.StartsWith("sensors[3].intervalSeconds: a dht22 can be read at most every 2 s"));
            Assert.Contains(errors, e => e.StartsWith("sensors[1].channels[0].quantity: a bme280 measures temperature, humidity, pressure"));
        }

        [Fact]
        public void RejectsPinsTheEsp32CannotUse()
        {
            string json = Sample.Replace("\"pin\": 26", "\"pin\": 35").Replace("\"statusLedPin\": 2", "\"statusLedPin\": 7");

            string[] errors = ErrorsOf(json);

            Assert.Contains("outputs[0].pin: GPIO 35 is input-only", errors);
            Assert.Contains("node.statusLedPin: GPIO 7 is wired to the SPI flash", errors);
        }

        [Fact]
        public void UnknownKeysAndWrongTypesNameTheirPath()
        {
            Assert.Contains(ErrorsOf(Sample.Replace("\"reportIntervalSeconds\"", "\"reportIntervalSecond\"")),
                e => e.StartsWith("node.reportIntervalSecond: "));
            Assert.Contains(ErrorsOf(Sample.Replace("\"intervalSeconds\": 30,", "\"intervalSeconds\": \"thirty\",")),
                e => e.StartsWith("sensors[0].intervalSeconds: "));
        }

        [Fact]
        public void TheEventQueueCapacityIsBounded()
        {
            Assert.Equal(32, ConfigFile.Parse(Sample).Config.Outbox.CapacityEvents);
            string json = Sample.Replace("\"capacityReadings\": 512,", "\"capacityReadings\": 512, \"capacityEvents\": 0,");
            Assert.Contains("outbox.capacityEvents: must be 1 to 1000", ErrorsOf(json));
            json = Sample.Replace("\"capacityReadings\": 512,", "\"capacityReadings\": 512, \"capacityEvents\": 64,");
            Assert.Equal(64, ConfigFile.Parse(json).Config.Outbox.CapacityEvents);
        }

        [Fact]
        public void MalformedJsonIsAnErrorNotACrash()
        {
            string[] errors = ErrorsOf("{ \"wifi\": { \"ssid\": ");

            Assert.Single(errors);
        }

        [Fact]
        public void RestoreStateIsReadDefaultsToTrueAndShowsInTheSummary()
        {
            const string on = "\"restoreState\": true";
            Assert.True(ConfigFile.Parse(Sample).Config.Outputs[0].RestoreState);
            Assert.True(ConfigFile.Parse(Sample.Replace(", " + on, "")).Config.Outputs[0].RestoreState);
            var off = ConfigFile.Parse(Sample.Replace(on, "\"restoreState\": false"));
            Assert.True(off.IsValid);
            Assert.False(off.Config.Outputs[0].RestoreState);
            Assert.Contains(ErrorsOf(Sample.Replace(on, "\"restoreState\": \"yes\"")), e => e.StartsWith("outputs[0].restoreState: "));

            Assert.Contains("  output relay pin 26 -> relay1 (at boot: saved state, else off)", ConfigSummary.Describe(ConfigFile.Parse(Sample).Config));
            Assert.Contains("  output relay pin 26 -> relay1 (at boot: off)", ConfigSummary.Describe(off.Config));
        }

        [Fact]
        public void SummaryMasksSecrets()
        {
            var config = ConfigFile.Parse(Sample).Config;

            string text = string.Join("\n", ConfigSummary.Describe(config));

            Assert.DoesNotContain(config.Wifi.Password, text);
            Assert.DoesNotContain(config.OneNet.DeviceKey, text);
            Assert.Contains("password=" + ConfigSummary.Mask, text);
            Assert.Contains("key=" + ConfigSummary.Mask, text);
            Assert.Contains("device=node-01", text);
        }
    }
}
