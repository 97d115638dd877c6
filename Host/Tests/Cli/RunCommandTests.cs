using System.IO;
using System.Text.Json;
using OneNetFirmware.Cli;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli
{
    /// <summary>`run` end to end: the portable node, simulated sensors, the real MQTTnet link and the embedded emulator.</summary>
    public class RunCommandTests
    {
        [Fact]
        public void RunsTheNodeAgainstTheEmbeddedEmulatorAndWritesASummary()
        {
            string dir = Directory.CreateTempSubdirectory("onenet-run-").FullName;
            string config = Path.Combine(dir, "nf-config.json");
            File.WriteAllText(config, File.ReadAllText(RepoPaths.Of("nf-config.json"))
                .Replace("\"reportIntervalSeconds\": 60", "\"reportIntervalSeconds\": 1"));
            string summary = Path.Combine(dir, "summary.json");
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            int code = Program.Run(new[] { "run", "--config", config, "--duration", "6s", "--summary", summary, "--plain" }, stdout, stderr);

            Assert.True(code == Program.Ok, stderr.ToString());
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(summary));
            JsonElement s = doc.RootElement;
            Assert.True(s.GetProperty("propertyPosts").GetInt32() >= 2, File.ReadAllText(summary));
            Assert.True(s.GetProperty("acknowledged").GetInt32() >= 1, File.ReadAllText(summary));
            Assert.Equal(0, s.GetProperty("rejected").GetInt32());
            Assert.True(s.GetProperty("emulatorAcceptedPosts").GetInt32() >= 1);
            Assert.Equal(1, s.GetProperty("connects").GetInt32());
            Assert.Equal(0, s.GetProperty("authFailures").GetInt32());
            string all = stdout.ToString() + stderr.ToString();
            Assert.Contains("product=FakeProd01", all);
            Assert.Matches(@"console: http://127\.0\.0\.1:\d+/ ", stdout.ToString());
            Assert.DoesNotContain("not-a-real-password", all);
            Assert.DoesNotContain("RkFLRS1kZXZpY2Uta2V5", all);
            Assert.DoesNotContain("sign=", all);
        }

        [Fact]
        public void RejectsABrokerThatIsNotAnMqttUri()
        {
            var stderr = new StringWriter();

            int code = Program.Run(new[] { "run", "--config", RepoPaths.Of("nf-config.json"), "--broker", "http://x", "--plain" }, new StringWriter(), stderr);

            Assert.Equal(Program.Usage, code);
            Assert.Contains("--broker", stderr.ToString());
        }
    }
}
