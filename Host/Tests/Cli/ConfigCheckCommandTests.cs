using System.IO;
using OneNetFirmware.Cli;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli
{
    public class ConfigCheckCommandTests
    {
        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        [Fact]
        public void AcceptsTheExample()
        {
            var (code, stdout, _) = Run("config", "check", RepoPaths.Of("nf-config.json"));

            Assert.Equal(Program.Ok, code);
            Assert.Contains(": OK", stdout);
        }

        [Fact]
        public void PrintsThePathOfEveryBadFieldAndFails()
        {
            string file = Path.Combine(Path.GetTempPath(), "bad-config-" + System.Guid.NewGuid() + ".json");
            File.WriteAllText(file, File.ReadAllText(RepoPaths.Of("nf-config.json"))
                .Replace("\"tokenMethod\": \"sha256\"", "\"tokenMethod\": \"sha512\"")
                .Replace("\"ssid\": \"your-wifi-ssid\"", "\"ssid\": \"\""));
            try
            {
                var (code, _, stderr) = Run("config", "check", file);

                Assert.Equal(Program.Failed, code);
                Assert.Contains("2 problems", stderr);
                Assert.Contains("  wifi.ssid: ", stderr);
                Assert.Contains("  onenet.tokenMethod: must be md5, sha1 or sha256", stderr);
                Assert.DoesNotContain("not-a-real-password", stderr);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public void MissingFileIsAFailureWithAMessage()
        {
            var (code, _, stderr) = Run("config", "check", "/nonexistent/nf-config.json");

            Assert.Equal(Program.Failed, code);
            Assert.Contains("cannot read", stderr);
        }

        [Fact]
        public void BadUsageExitsWithTwo()
        {
            Assert.Equal(Program.Usage, Run("config", "check", "a.json", "b.json").Code);
            Assert.Equal(Program.Usage, Run("frobnicate").Code);
            Assert.Equal(Program.Usage, Run("run", "--colour", "blue").Code);
        }
    }
}
