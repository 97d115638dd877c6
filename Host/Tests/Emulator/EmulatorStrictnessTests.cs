using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.NetworkInformation;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.OneNet.Ports;
using Xunit;

namespace OneNetFirmware.Host.Tests.Emulator
{
    /// <summary>The emulator's stricter rules (docs/emulator.md): message ids, post times, device identity, listening address.</summary>
    public class EmulatorStrictnessTests
    {
        private static bool Post(MqttNetLink link, string topic, string json) => EmulatorPostTests.Post(link, topic, json);

        private static JsonElement Json(string text) => EmulatorPostTests.Json(text);

        [Theory]
        [InlineData("\"1\"", 200)]
        [InlineData("\"1234567890123\"", 200)]
        [InlineData("\"12345678901234\"", 2402)]
        [InlineData("\"prop_1769603248\"", 2402)]
        [InlineData("\"\"", 2402)]
        [InlineData("\"-5\"", 2402)]
        [InlineData("\"１２\"", 2402)] // full-width digits are not ASCII digits
        [InlineData("12", 2402)]
        public async Task TheIdIsANumericStringOfAtMost13Digits(string id, int code)
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();

            Post(link, t.Prefix + "thing/property/post", "{\"id\":" + id + ",\"params\":{\"temperature\":{\"value\":20}}}");

            JsonElement reply = Json(listener.Next(t.Prefix + "thing/property/post/reply"));
            Assert.Equal(code, reply.GetProperty("code").GetInt32());
            if (code == 2402 && id.StartsWith('"')) Assert.Contains("numeric string of at most 13 digits", reply.GetProperty("msg").GetString());
            link.Dispose();
        }

        [Fact]
        public async Task TimesInSecondsOrFarAheadAreAcceptedButCountedAndShownToTheOperator()
        {
            int httpPort = FreePort.Next();
            await using var t = await TestEmulator.StartAsync(o => o.HttpPort = httpPort);
            var (link, listener) = t.Connect();
            long nowMs = t.Now.ToUnixTimeMilliseconds();

            Post(link, t.Prefix + "thing/property/post", "{\"id\":\"1\",\"params\":{\"temperature\":{\"value\":20,\"time\":" + t.Now.ToUnixTimeSeconds() + "}}}");
            Post(link, t.Prefix + "thing/property/post", "{\"id\":\"2\",\"params\":{\"temperature\":{\"value\":20,\"time\":" + (nowMs + 2 * 3600_000) + "}}}");
            Post(link, t.Prefix + "thing/property/post", "{\"id\":\"4\",\"params\":{\"temperature\":{\"value\":20,\"time\":" + (nowMs - 86400_000) + "}}}");

            for (int i = 0; i < 3; i++) Assert.Equal(200, Json(listener.Next(t.Prefix + "thing/property/post/reply")).GetProperty("code").GetInt32());
            Post(link, t.Prefix + "thing/event/post", "{\"id\":\"3\",\"params\":{\"door\":{\"value\":{\"open\":true},\"time\":" + (nowMs + 30 * 60_000) + "}}}");
            Assert.Equal(200, Json(listener.Next(t.Prefix + "thing/event/post/reply")).GetProperty("code").GetInt32());
            Assert.Equal(1, t.Emulator.SecondsTimestamps);
            Assert.Equal(1, t.Emulator.FutureTimestamps); // 30 min ahead is inside the tolerance, a day old is history
            Assert.Equal(new[] { TimeWarning.Seconds, TimeWarning.Future }, t.Emulator.TimeWarnings.Select(w => w.Kind));
            Assert.Equal(4, t.Emulator.AcceptedPosts.Count);

            using var http = new HttpClient();
            JsonElement warnings = Json(await http.GetStringAsync("http://127.0.0.1:" + httpPort + "/warnings"));
            Assert.Equal(1, warnings.GetProperty("secondsTimestamps").GetInt32());
            Assert.Equal(1, warnings.GetProperty("futureTimestamps").GetInt32());
            Assert.Equal("temperature", warnings.GetProperty("latest")[0].GetProperty("Identifier").GetString());
            link.Dispose();
        }

        [Fact]
        public async Task TheSameNameInAnotherProductIsAnotherDevice()
        {
            const string OtherProduct = "OtherProd1";
            await using var t = await TestEmulator.StartAsync(o =>
            {
                o.Devices.Add(new RegisteredDevice(OtherProduct, TestEmulator.DeviceName, TestEmulator.OtherKey));
                o.BanDuration = TimeSpan.FromSeconds(30);
            });
            var (first, firstListener) = t.Connect();
            MqttConnectOptions other = t.Options(userName: OtherProduct,
                password: Tokens.Make("products/" + OtherProduct + "/devices/" + TestEmulator.DeviceName, t.FutureEt, "sha256", TestEmulator.OtherKey));
            using var second = new MqttNetLink();

            // Another product's node-01 logs in four times: it is banned, TestProd01's node-01 is neither kicked nor banned.
            for (int i = 0; i < 3; i++) Assert.Equal(0, second.Connect(other));
            Assert.Equal(ConnectResult.NetworkError, second.Connect(other));
            Assert.Equal(1, t.Emulator.Bans);
            Assert.Equal(0, t.Emulator.Kicks);
            Assert.Contains(t.Emulator.ConnectionEvents, e => e.ProductId == OtherProduct && e.ClientId == TestEmulator.DeviceName && e.What.StartsWith("dropped without CONNACK: more than 3 logins"));
            Assert.DoesNotContain(t.Emulator.ConnectionEvents, e => e.ProductId == TestEmulator.ProductId && !e.What.StartsWith("connected"));
            Assert.True(first.IsConnected);
            Assert.True(await t.Emulator.IsOnlineAsync(TestEmulator.ProductId, TestEmulator.DeviceName));
            Assert.False(await t.Emulator.IsOnlineAsync(OtherProduct, TestEmulator.DeviceName));
            Assert.True(Post(first, t.Prefix + "thing/property/post", "{\"id\":\"1\",\"params\":{\"temperature\":{\"value\":20}}}"));
            Assert.Equal(200, Json(firstListener.Next(t.Prefix + "thing/property/post/reply")).GetProperty("code").GetInt32());
            using var again = new MqttNetLink();
            Assert.Equal(0, again.Connect(t.Options())); // TestProd01/node-01 still logs in: the ban is the other product's
            first.Dispose();
        }

        [Fact]
        public async Task ByDefaultOnlyLoopbackListens()
        {
            int port = FreePort.Next();
            var options = new EmulatorOptions { Port = port };
            await using var emulator = new OneNetEmulator(options);
            await emulator.StartAsync();

            Assert.Equal(new[] { new IPEndPoint(IPAddress.Loopback, port) }, Listeners(port));
        }

        [Theory]
        [InlineData("127.0.0.1")]
        [InlineData("::1")]
        [InlineData("0.0.0.0")]
        public async Task BindListensOnExactlyThatAddress(string address)
        {
            int port = FreePort.Next();
            await using var emulator = new OneNetEmulator(new EmulatorOptions { Port = port, BindAddress = IPAddress.Parse(address) });
            await emulator.StartAsync();

            Assert.Equal(new[] { new IPEndPoint(IPAddress.Parse(address), port) }, Listeners(port));
        }

        /// <summary>Every listening TCP socket of this machine on the port (from /proc/net/tcp and tcp6 on Linux).</summary>
        private static IPEndPoint[] Listeners(int port) =>
            IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Where(e => e.Port == port).ToArray();

        [Fact]
        public async Task GetsAndServiceInputsAreCheckedAgainstTheModel()
        {
            await using var t = await TestEmulator.StartAsync(o => o.ThingModel = EmulatorPostTests.TestModel());
            var (link, _) = t.Connect();
            string p = TestEmulator.ProductId, d = TestEmulator.DeviceName;

            await Assert.ThrowsAsync<ArgumentException>(() => t.Emulator.GetPropertiesAsync(p, d, new[] { "temperature", "Temperature" }));
            await Assert.ThrowsAsync<ArgumentException>(() => t.Emulator.InvokeServiceAsync(p, d, "blink", new JsonObject { ["times"] = 11 }));
            await Assert.ThrowsAsync<ArgumentException>(() => t.Emulator.InvokeServiceAsync(p, d, "blink", new JsonObject { ["colour"] = "red" }));
            await Assert.ThrowsAsync<ArgumentException>(() => t.Emulator.InvokeServiceAsync(p, d, "selfDestruct", new JsonObject()));
            await Assert.ThrowsAsync<ArgumentException>(() => t.Emulator.SetPropertiesAsync(p, d, new JsonObject { ["relay1"] = 1 }));
            Assert.NotNull(await t.Emulator.GetPropertiesAsync(p, d, new[] { "temperature", "relay1" }));
            Assert.NotNull(await t.Emulator.InvokeServiceAsync(p, d, "blink", new JsonObject { ["times"] = 3 }));
            link.Dispose();
        }
    }
}
