using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.Cli;
using OneNetFirmware.Cli.Commands;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.OneNet.Ports;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli
{
    public class EmulatorCommandTests
    {
        private const string ExampleKey = "RkFLRS1kZXZpY2Uta2V5LWZvci1leGFtcGxlcy0wMCE="; // nf-config.json's fake key

        [Fact]
        public async Task ServesTheConfiguredDeviceUntilCancelledAndNeverPrintsSecrets()
        {
            int port = FreePort.Next(), httpPort = FreePort.Next();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            using var stop = new CancellationTokenSource();
            var args = new Arguments(new[] { "emulator", "--bind", "127.0.0.1", "--port", port.ToString(), "--http-port", httpPort.ToString(), "--config", RepoPaths.Of("nf-config.json") }, 1);
            Task<int> run = Task.Run(() => EmulatorCommand.Execute(args, stdout, stderr, stop.Token));
            string token = Tokens.Make("products/FakeProd01/devices/node-01", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(), "sha256", ExampleKey);
            using var link = new MqttNetLink();
            var options = new MqttConnectOptions { Host = "127.0.0.1", Port = port, ClientId = "node-01", UserName = "FakeProd01", Password = token, KeepAliveSeconds = 60, TimeoutMilliseconds = 2000 };

            int code = ConnectResult.NetworkError;
            for (int attempt = 0; attempt < 50 && code != 0 && !run.IsCompleted; attempt++)
            {
                code = link.Connect(options);
                if (code != 0) await Task.Delay(100);
            }
            Assert.Equal(ConnectResult.Accepted, code);
            byte[] post = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"1\",\"params\":{\"temperature\":{\"value\":21.5}}}");
            Assert.True(link.Publish("$sys/FakeProd01/node-01/thing/property/post", post, post.Length, 1));
            link.Disconnect();
            stop.Cancel();

            Assert.Equal(Program.Ok, await run.WaitAsync(RecordingListener.Patience));
            string output = stdout.ToString();
            Assert.Contains("listening on 127.0.0.1:" + port, output);
            Assert.Contains("console: http://127.0.0.1:" + httpPort + "/" + Environment.NewLine, output); // loopback: no token
            Assert.Contains("FakeProd01/node-01 property/post id=1: temperature=21.5", output);
            Assert.Contains("emulator stopped", output);
            Assert.DoesNotContain(ExampleKey, output);
            Assert.DoesNotContain("sign=", output);
            Assert.Equal("", stderr.ToString());
        }

        [Fact]
        public async Task WithoutBindItListensOnLoopbackOnlyAndChecksTheConfigurationsThingModel()
        {
            int port = FreePort.Next();
            var stdout = new StringWriter();
            using var stop = new CancellationTokenSource();
            var args = new Arguments(new[] { "emulator", "--port", port.ToString(), "--http-port", "0", "--config", RepoPaths.Of("nf-config.json") }, 1);
            Task<int> run = Task.Run(() => EmulatorCommand.Execute(args, stdout, new StringWriter(), stop.Token));
            var started = System.Diagnostics.Stopwatch.StartNew();
            while (!stdout.ToString().Contains("Ctrl+C stops") && !run.IsCompleted && started.Elapsed < RecordingListener.Patience) await Task.Delay(50);

            System.Net.IPEndPoint[] listeners = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners()
                .Where(e => e.Port == port).ToArray();
            stop.Cancel();
            Assert.Equal(Program.Ok, await run.WaitAsync(RecordingListener.Patience));
            Assert.Equal(new[] { new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port) }, listeners);
            Assert.Contains("listening on this PC only; for a board on the LAN start with --bind 0.0.0.0", stdout.ToString());
            Assert.Contains("thing model: derived from ", stdout.ToString());
        }

        [Theory]
        [InlineData("--port", "abc")]
        [InlineData("--bind", "lan")]
        [InlineData("--http-bind", "lan")]
        [InlineData("--color", "red")]
        public void BadOptionsAreUsageErrors(string option, string value)
        {
            var stderr = new StringWriter();

            Assert.Equal(Program.Usage, Program.Run(new[] { "emulator", option, value }, new StringWriter(), stderr));
            Assert.StartsWith("error: ", stderr.ToString());
        }

        [Fact]
        public void AMissingDevicesFileFails()
        {
            var stderr = new StringWriter();
            var args = new Arguments(new[] { "emulator", "--bind", "127.0.0.1", "--port", FreePort.Next().ToString(), "--http-port", "0", "--config", RepoPaths.Of("nf-config.json"), "--devices", "/nonexistent/devices.json" }, 1);

            Assert.Equal(Program.Failed, EmulatorCommand.Execute(args, new StringWriter(), stderr, CancellationToken.None));
            Assert.Contains("devices.json", stderr.ToString());
        }
    }
}
