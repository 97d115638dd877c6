using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Tests.Mqtt;
using Xunit;

namespace OneNetFirmware.Host.Tests.Emulator
{
    /// <summary>
    /// The emulator's desired values as docs/emulator.md "Desired values" states them: versions from 1, +1 per set, 1
    /// again after a delete; a versioned delete only while the version still matches, {} whatever it is; a malformed
    /// request gets a 2402 reply and keeps the connection, and deletes nothing.
    /// </summary>
    public class EmulatorDesiredTests
    {
        private const string Pid = TestEmulator.ProductId;
        private const string Dev = TestEmulator.DeviceName;

        private static void Post(MqttNetLink link, string topic, string json) =>
            Assert.True(link.Publish(topic, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetByteCount(json), 0));

        private static JsonElement Ask(TestEmulator t, MqttNetLink link, RecordingListener listener, string suffix, string json)
        {
            Post(link, t.Prefix + suffix, json);
            return JsonDocument.Parse(listener.Next(t.Prefix + suffix + "/reply")).RootElement;
        }

        [Fact]
        public async Task VersionsCountFromOneAndStartAgainAfterADelete()
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();
            Assert.Equal(1, t.Emulator.SetDesired(Pid, Dev, "relay1", JsonValue.Create(true)));
            Assert.Equal(2, t.Emulator.SetDesired(Pid, Dev, "relay1", JsonValue.Create(false)));

            JsonElement data = Ask(t, link, listener, "thing/property/desired/get", "{\"id\":\"1\",\"params\":[\"relay1\"]}").GetProperty("data");
            Assert.Equal("{\"relay1\":{\"value\":false,\"version\":2}}", data.GetRawText());

            // A delete for an older version is ignored (still a 200); the current version deletes it.
            Assert.Equal(200, Ask(t, link, listener, "thing/property/desired/delete", "{\"id\":\"2\",\"params\":{\"relay1\":{\"version\":1}}}").GetProperty("code").GetInt32());
            Assert.Equal(2, t.Emulator.Desired(Pid, Dev, "relay1")?.Version);
            Assert.Equal(200, Ask(t, link, listener, "thing/property/desired/delete", "{\"id\":\"3\",\"params\":{\"relay1\":{\"version\":2}}}").GetProperty("code").GetInt32());
            Assert.Null(t.Emulator.Desired(Pid, Dev, "relay1"));
            Assert.Equal("{}", Ask(t, link, listener, "thing/property/desired/get", "{\"id\":\"4\",\"params\":[\"relay1\"]}").GetProperty("data").GetRawText());

            Assert.Equal(1, t.Emulator.SetDesired(Pid, Dev, "relay1", JsonValue.Create(true)));
            link.Dispose();
        }

        [Fact]
        public async Task ADeleteWithoutAVersionDeletesWhateverTheVersion()
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();
            t.Emulator.SetDesired(Pid, Dev, "relay1", JsonValue.Create(true));
            t.Emulator.SetDesired(Pid, Dev, "relay1", JsonValue.Create(true));
            t.Emulator.SetDesired(Pid, Dev, "report_interval", JsonValue.Create(30));

            JsonElement reply = Ask(t, link, listener, "thing/property/desired/delete", "{\"id\":\"7\",\"version\":\"1.0\",\"params\":{\"relay1\":{},\"nothing_here\":{}}}");

            Assert.Equal(200, reply.GetProperty("code").GetInt32());
            Assert.Equal("7", reply.GetProperty("id").GetString());
            Assert.Null(t.Emulator.Desired(Pid, Dev, "relay1"));
            Assert.Equal(1, t.Emulator.Desired(Pid, Dev, "report_interval")?.Version);
            link.Dispose();
        }

        [Theory]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":{\"version\":1.5}}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":{\"version\":\"1\"}}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":{\"version\":0}}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":{\"version\":-1}}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":{\"version\":null}}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":{\"version\":1e400}}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":{\"version\":99999999999999999999}}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":1}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":{\"relay1\":{},\"other\":{\"version\":2.5}}}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\",\"params\":[\"relay1\"]}")]
        [InlineData("thing/property/desired/delete", "{\"id\":\"9\"}")]
        [InlineData("thing/property/desired/get", "{\"id\":\"9\"}")]
        [InlineData("thing/property/desired/get", "{\"id\":\"9\",\"params\":{\"relay1\":{}}}")]
        [InlineData("thing/property/desired/get", "{\"id\":\"9\",\"params\":[\"relay1\",2]}")]
        [InlineData("thing/property/desired/get", "{\"id\":\"9\",\"params\":[null]}")]
        public async Task AMalformedRequestGetsAnErrorReplyKeepsTheConnectionAndDeletesNothing(string suffix, string json)
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();
            t.Emulator.SetDesired(Pid, Dev, "relay1", JsonValue.Create(true));

            JsonElement reply = Ask(t, link, listener, suffix, json);

            Assert.Equal(2402, reply.GetProperty("code").GetInt32());
            Assert.Equal("9", reply.GetProperty("id").GetString());
            Assert.StartsWith("request format error", reply.GetProperty("msg").GetString());
            Assert.Equal(1, t.Emulator.Desired(Pid, Dev, "relay1")?.Version);
            // Still connected: the next request is answered on the same link.
            JsonElement data = Ask(t, link, listener, "thing/property/desired/get", "{\"id\":\"10\",\"params\":[\"relay1\"]}").GetProperty("data");
            Assert.Equal(1, data.GetProperty("relay1").GetProperty("version").GetInt32());
            Assert.True(link.IsConnected);
            Assert.Equal(0, listener.LostCount);
            link.Dispose();
        }
    }
}
