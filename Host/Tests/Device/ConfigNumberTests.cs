using System.IO;
using System.Text.Json;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using Xunit;

namespace OneNetFirmware.Host.Tests.Device
{
    /// <summary>
    /// nanoFramework.Json hands a typed member an int, long or double token re-parsed to the member's type (docs/nanoframework.md#nanoframeworkjson); the
    /// same file must load the same way on the host, whichever way a number is written.
    /// </summary>
    public class ConfigNumberTests
    {
        private static NodeConfig Load(string json)
        {
            ConfigFile.Result result = ConfigFile.Parse(json);
            Assert.True(result.IsValid, result.Errors == null ? "" : string.Join("; ", Enumerable(result.Errors)));
            return result.Config;
        }

        private static System.Collections.Generic.IEnumerable<string> Enumerable(ConfigErrors errors)
        {
            for (int i = 0; i < errors.Count; i++) yield return errors[i];
        }

        private static string Example => File.ReadAllText(RepoPaths.Of("nf-config.json"));

        [Theory]
        [InlineData("\"min\": -40", -40.0)]
        [InlineData("\"min\": -40.0", -40.0)]
        [InlineData("\"min\": -4e1", -40.0)]
        [InlineData("\"min\": -39.5", -39.5)]
        public void DoubleMembersAcceptIntegerAndRealTokens(string min, double expected)
        {
            NodeConfig config = Load(Example.Replace("\"min\": -40, \"max\": 125", min + ", \"max\": 125"));

            Assert.Equal(expected, config.Sensors[0].Channels[0].Min);
        }

        [Theory]
        [InlineData("0", 0L)]
        [InlineData("1893456000", 1893456000L)]
        [InlineData("4102444800", 4102444800L)]
        public void LongMembersAcceptIntAndLongSizedTokens(string value, long expected)
        {
            NodeConfig config = Load(Example.Replace("\"tokenExpiresAtUnixSeconds\": 0", "\"tokenExpiresAtUnixSeconds\": " + value));

            Assert.Equal(expected, config.OneNet.TokenExpiresAtUnixSeconds);
        }

        [Fact]
        public void TheExampleRoundTripsThroughSerialisation()
        {
            NodeConfig first = Load(Example);
            var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
            NodeConfig second = Load(JsonSerializer.Serialize(first, options));

            Assert.Equal(JsonSerializer.Serialize(first, options), JsonSerializer.Serialize(second, options));
            Assert.Equal(0.2794, second.Inputs[1].Scale);
        }
    }
}
