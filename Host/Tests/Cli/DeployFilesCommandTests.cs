using System;
using System.IO;
using System.Text.Json;
using OneNetFirmware.Cli;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli
{
    public sealed class DeployFilesCommandTests : IDisposable
    {
        private const string Pem = "-----BEGIN CERTIFICATE-----\nMIIDOzCCAiOgAwIBAgIJAPfake\n-----END CERTIFICATE-----\n";
        private readonly string _dir = Directory.CreateTempSubdirectory("deploy-files-").FullName;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private string InDir(string name) => Path.Combine(_dir, name);

        private static (int Code, string Out, string Err) Run(params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Program.Run(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        private string Config(Func<string, string> edit = null)
        {
            string json = File.ReadAllText(RepoPaths.Of("nf-config.json"));
            File.WriteAllText(InDir("nf-config.json"), edit == null ? json : edit(json));
            return InDir("nf-config.json");
        }

        [Fact]
        public void WritesTheConfigAndTheCaWithAbsolutePathsAndThePort()
        {
            string config = Config();
            File.WriteAllText(InDir("ca.pem"), Pem);

            var (code, stdout, _) = Run("deploy-files", "--config", config, "--ca", InDir("ca.pem"), "--port", "COM3", "--out", InDir("deploy.json"));

            Assert.Equal(Program.Ok, code);
            Assert.Contains("nanoff --filedeployment", stdout);
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(InDir("deploy.json")));
            Assert.Equal("COM3", doc.RootElement.GetProperty("SerialPort").GetString());
            JsonElement files = doc.RootElement.GetProperty("Files");
            Assert.Equal(2, files.GetArrayLength());
            Assert.Equal(@"I:\nf-config.json", files[0].GetProperty("DestinationFilePath").GetString());
            Assert.Equal(Path.GetFullPath(config), files[0].GetProperty("SourceFilePath").GetString());
            Assert.Equal(@"I:\onenet-mqtts-ca.pem", files[1].GetProperty("DestinationFilePath").GetString());
            Assert.Equal(Path.GetFullPath(InDir("ca.pem")), files[1].GetProperty("SourceFilePath").GetString());
            Assert.True(Path.IsPathRooted(files[1].GetProperty("SourceFilePath").GetString()));
        }

        [Fact]
        public void TheCaGoesWhereTheConfigSays()
        {
            string config = Config(j => j.Replace(@"I:\\onenet-mqtts-ca.pem", @"I:\\certs\\onenet.pem"));
            File.WriteAllText(InDir("ca.pem"), Pem);

            var (code, _, _) = Run("deploy-files", "--config", config, "--ca", InDir("ca.pem"), "--out", InDir("deploy.json"));

            Assert.Equal(Program.Ok, code);
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(InDir("deploy.json")));
            Assert.False(doc.RootElement.TryGetProperty("SerialPort", out _));
            Assert.Equal(@"I:\certs\onenet.pem", doc.RootElement.GetProperty("Files")[1].GetProperty("DestinationFilePath").GetString());
        }

        [Fact]
        public void WithoutCaOnlyTheConfigIsDeployedAndTlsWarns()
        {
            string config = Config(j => j.Replace("\"tls\": false", "\"tls\": true").Replace("\"port\": 1883", "\"port\": 8883"));

            var (code, _, stderr) = Run("deploy-files", "--config", config, "--out", InDir("deploy.json"));

            Assert.Equal(Program.Ok, code);
            Assert.Contains("warning: onenet.tls is true", stderr);
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(InDir("deploy.json")));
            Assert.Equal(1, doc.RootElement.GetProperty("Files").GetArrayLength());
        }

        [Fact]
        public void AnInvalidConfigWritesNothingAndPrintsThePaths()
        {
            string config = Config(j => j.Replace("\"ssid\": \"your-wifi-ssid\"", "\"ssid\": \"\""));

            var (code, _, stderr) = Run("deploy-files", "--config", config, "--out", InDir("deploy.json"));

            Assert.Equal(Program.Failed, code);
            Assert.Contains("  wifi.ssid: ", stderr);
            Assert.DoesNotContain("not-a-real-password", stderr);
            Assert.False(File.Exists(InDir("deploy.json")));
        }

        [Fact]
        public void ACaThatIsNotAPemCertificateIsRefused()
        {
            string config = Config();
            File.WriteAllText(InDir("ca.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

            var (code, _, stderr) = Run("deploy-files", "--config", config, "--ca", InDir("ca.pem"), "--out", InDir("deploy.json"));

            Assert.Equal(Program.Failed, code);
            Assert.Contains("is not a PEM certificate", stderr);
            Assert.False(File.Exists(InDir("deploy.json")));
        }

        [Fact]
        public void AMissingCaFileIsAFailure()
        {
            var (code, _, stderr) = Run("deploy-files", "--config", Config(), "--ca", InDir("absent.pem"), "--out", InDir("deploy.json"));

            Assert.Equal(Program.Failed, code);
            Assert.Contains("cannot read", stderr);
        }

        [Fact]
        public void OutIsRequiredAndUnknownOptionsAreUsageErrors()
        {
            Assert.Equal(Program.Usage, Run("deploy-files", "--config", Config()).Code);
            Assert.Equal(Program.Usage, Run("deploy-files", "--config", Config(), "--out", InDir("d.json"), "--baud", "9600").Code);
        }
    }
}
