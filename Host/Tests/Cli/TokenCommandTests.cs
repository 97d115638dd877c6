using System.IO;
using OneNetFirmware.Cli;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli
{
    public class TokenCommandTests
    {
        private const string Key = "EnW4T71eIE55xOIQMN6pFMKuqel5T5HTzsGJRPiDhlM=";

        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        [Fact]
        public void PrintsTheTokenAlone()
        {
            var (code, stdout, stderr) = Run("token", "--product", "238322", "--device", "mqtts-test-device", "--key", Key, "--method", "sha1", "--et", "7557387130");

            Assert.Equal(Program.Ok, code);
            Assert.Equal("version=2018-10-31&res=products%2F238322%2Fdevices%2Fmqtts-test-device&et=7557387130&method=sha1&sign=Rs0u%2FKnyoK5%2FMuKo5xKa0tW%2BWqY%3D\n", stdout.Replace("\r\n", "\n"));
            Assert.Equal("", stderr);
        }

        [Fact]
        public void DefaultsToSha256AndProductLevelWithoutDevice()
        {
            var (code, stdout, _) = Run("token", "--product", "123123", "--key", Key, "--et", "1537255523");

            Assert.Equal(Program.Ok, code);
            Assert.StartsWith("version=2018-10-31&res=products%2F123123&et=1537255523&method=sha256&sign=", stdout);
        }

        [Fact]
        public void ValidForCountsFromNow()
        {
            var (code, stdout, _) = Run("token", "--product", "123123", "--device", "d", "--key", Key, "--valid-for", "30d");

            Assert.Equal(Program.Ok, code);
            long et = long.Parse(stdout.Split("&et=")[1].Split('&')[0]);
            long now = System.DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Assert.InRange(et, now + 30 * 86400 - 60, now + 30 * 86400 + 60);
        }

        [Theory]
        [InlineData("token", "--device", "d", "--key", Key, "--et", "100")]                                 // no product
        [InlineData("token", "--product", "p", "--et", "100")]                                              // no key
        [InlineData("token", "--product", "p", "--key", Key)]                                               // no expiry
        [InlineData("token", "--product", "p", "--key", Key, "--et", "100", "--valid-for", "1d")]           // both
        [InlineData("token", "--product", "p", "--key", Key, "--et", "soon")]
        [InlineData("token", "--product", "p", "--key", Key, "--valid-for", "3w")]
        [InlineData("token", "--product", "p", "--key", Key, "--valid-for", "-1d")]
        [InlineData("token", "--product", "p", "--key", Key, "--et", "100", "--colour", "red")]
        public void BadUsageIsExitCodeTwoWithOneLine(params string[] args)
        {
            var (code, stdout, stderr) = Run(args);

            Assert.Equal(Program.Usage, code);
            Assert.Equal("", stdout);
            Assert.StartsWith("error: ", stderr);
            Assert.Single(stderr.TrimEnd().Split('\n'));
        }

        [Theory]
        [InlineData("--product", "p", "--device", "bad name", "--key", Key, "deviceName")]
        [InlineData("--product", "p/q", "--device", "d", "--key", Key, "productId")]
        [InlineData("--product", "p", "--device", "d", "--key", "secret-not-base64!", "key")]
        [InlineData("--product", "p", "--device", "d", "--key", Key, "method", "--method", "sha512")]
        public void BadValuesAreExitCodeOneNamingTheFieldButNotTheKey(params string[] args)
        {
            var list = new System.Collections.Generic.List<string> { "token", "--et", "7557387130" };
            string field = args[6];
            list.AddRange(args[..6]);
            list.AddRange(args[7..]);
            var (code, stdout, stderr) = Run(list.ToArray());

            Assert.Equal(Program.Failed, code);
            Assert.Equal("", stdout);
            Assert.StartsWith("error: " + field, stderr);
            Assert.DoesNotContain(args[5], stderr);
        }

        [Fact]
        public void WarnsWhenTheExpiryIsInThePast()
        {
            var (code, stdout, stderr) = Run("token", "--product", "p", "--device", "d", "--key", Key, "--et", "1000");

            Assert.Equal(Program.Ok, code);
            Assert.StartsWith("version=", stdout);
            Assert.Contains("in the past", stderr);
            Assert.DoesNotContain(Key, stderr);
        }
    }
}
