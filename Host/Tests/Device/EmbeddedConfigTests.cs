using System.IO;
using OneNetFirmware.Cli.Commands;
using Xunit;

namespace OneNetFirmware.Host.Tests.Device
{
    /// <summary>The configuration built into the firmware must be the repository's nf-config.json.</summary>
    public class EmbeddedConfigTests
    {
        [Fact]
        public void EmbeddedConfigMatchesNfConfigJson()
        {
            string expected = EmbedConfigCommand.Generate(File.ReadAllText(RepoPaths.Of("nf-config.json")));
            string actual = File.ReadAllText(RepoPaths.Of("Firmware", "Device", "EmbeddedConfig.cs")).Replace("\r\n", "\n");

            Assert.True(expected == actual,
                "Firmware/Device/EmbeddedConfig.cs is stale; run `dotnet run --project Host/Cli -- embed-config`");
        }

        [Theory]
        [InlineData("{\"a\": \"b\"}", "@\"{\"\"a\"\": \"\"b\"\"}\"")]
        [InlineData("{\r\n\"p\": \"I:\\\\x\"\r\n}", "@\"{\n\"\"p\"\": \"\"I:\\\\x\"\"\n}\"")]
        public void QuotesAreDoubledAndBackslashesKeptInTheVerbatimString(string json, string literal)
        {
            Assert.Contains("public const string Json = " + literal + ";", EmbedConfigCommand.Generate(json));
        }

        [Fact]
        public void EmbedConfigWritesTheFile()
        {
            string dir = Directory.CreateTempSubdirectory("embed-").FullName;
            try
            {
                string output = Path.Combine(dir, "EmbeddedConfig.cs");
                var stdout = new StringWriter();
                int code = OneNetFirmware.Cli.Program.Run(
                    ["embed-config", "--config", RepoPaths.Of("nf-config.json"), "--out", output], stdout, new StringWriter());

                Assert.Equal(0, code);
                Assert.Equal(File.ReadAllText(RepoPaths.Of("Firmware", "Device", "EmbeddedConfig.cs")).Replace("\r\n", "\n"), File.ReadAllText(output));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
