using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Protocol;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Tests.Mqtt;
using Xunit;

namespace OneNetFirmware.Host.Tests.Emulator
{
    /// <summary>Topics, OneJSON replies, the thing model and the operator side (docs/onenet-protocol.md#topics-and-payloads).</summary>
    public class EmulatorPostTests
    {
        internal static bool Post(MqttNetLink link, string topic, string json) => link.Publish(topic, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetByteCount(json), 0);

        internal static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

        [Fact]
        public async Task WrappedPropertiesGetA200ReplyWithTheSameIdAndAreRecorded()
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();

            Assert.True(Post(link, t.Prefix + "thing/property/post", "{\"id\":\"42\",\"version\":\"1.0\",\"params\":{\"temperature\":{\"value\":23.6,\"time\":1800000000123},\"humidity\":{\"value\":40}}}"));

            JsonElement reply = Json(listener.Next(t.Prefix + "thing/property/post/reply"));
            Assert.Equal("42", reply.GetProperty("id").GetString());
            Assert.Equal(200, reply.GetProperty("code").GetInt32());
            Assert.Equal("success", reply.GetProperty("msg").GetString());
            AcceptedPost post = Assert.Single(t.Emulator.AcceptedPosts);
            Assert.Equal("property/post", post.Kind);
            Assert.Equal(new[] { "temperature", "humidity" }, post.Values.Select(v => v.Identifier));
            Assert.Equal(23.6, post.Values[0].Value.GetDouble());
            Assert.Equal(1800000000123, post.Values[0].TimeMs);
            Assert.Null(post.Values[1].TimeMs);
            Assert.Equal(t.Now, post.ReceivedAt);
            link.Dispose();
        }

        [Theory]
        [InlineData("{\"id\":\"7\",\"params\":{\"temperature\":23.6}}", "7", 2402, "request format error")]
        [InlineData("{\"id\":\"8\",\"params\":[1]}", "8", 2402, "request format error")]
        [InlineData("{\"params\":{\"temperature\":{\"value\":1}}}", null, 2403, "required msg id")]
        [InlineData("not json", null, 2402, "request format error")]
        public async Task MalformedPostsGetTheObservedErrorCodes(string payload, string id, int code, string msg)
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();

            Assert.True(Post(link, t.Prefix + "thing/property/post", payload));

            JsonElement reply = Json(listener.Next(t.Prefix + "thing/property/post/reply"));
            Assert.Equal(code, reply.GetProperty("code").GetInt32());
            Assert.StartsWith(msg, reply.GetProperty("msg").GetString());
            if (id == null) Assert.Equal(JsonValueKind.Null, reply.GetProperty("id").ValueKind);
            else Assert.Equal(id, reply.GetProperty("id").GetString());
            Assert.Empty(t.Emulator.AcceptedPosts);
            Assert.Single(t.Emulator.RejectedPosts);
            Assert.True(link.IsConnected);
            link.Dispose();
        }

        [Fact]
        public async Task HistoryPackAndEventPostsAreAccepted()
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();

            Post(link, t.Prefix + "thing/history/post", "{\"id\":\"1\",\"params\":[{\"properties\":{\"temperature\":[{\"value\":1.5,\"time\":1000},{\"value\":2.5,\"time\":2000}]}}]}");
            Assert.Equal(200, Json(listener.Next(t.Prefix + "thing/history/post/reply")).GetProperty("code").GetInt32());
            Post(link, t.Prefix + "thing/pack/post", "{\"id\":\"2\",\"params\":[{\"identity\":{\"productID\":\"" + TestEmulator.ProductId + "\",\"deviceName\":\"" + TestEmulator.DeviceName + "\"},\"properties\":{\"humidity\":{\"value\":50}},\"events\":{\"alarm\":{\"value\":{\"level\":2}}}}]}");
            Assert.Equal(200, Json(listener.Next(t.Prefix + "thing/pack/post/reply")).GetProperty("code").GetInt32());
            Post(link, t.Prefix + "thing/event/post", "{\"id\":\"3\",\"params\":{\"alarm\":{\"value\":{\"level\":1}}}}");
            Assert.Equal(200, Json(listener.Next(t.Prefix + "thing/event/post/reply")).GetProperty("code").GetInt32());
            Post(link, t.Prefix + "thing/history/post", "{\"id\":\"4\",\"params\":[{\"properties\":{\"temperature\":{\"value\":1.5}}}]}");
            Assert.Equal(2402, Json(listener.Next(t.Prefix + "thing/history/post/reply")).GetProperty("code").GetInt32());
            Post(link, t.Prefix + "thing/pack/post", "{\"id\":\"5\",\"params\":[{\"identity\":{\"productID\":\"" + TestEmulator.ProductId + "\",\"deviceName\":\"node-02\"},\"properties\":{}}]}");
            Assert.Equal(2402, Json(listener.Next(t.Prefix + "thing/pack/post/reply")).GetProperty("code").GetInt32());

            Assert.Equal(new[] { 2, 2, 1 }, t.Emulator.AcceptedPosts.Select(p => p.Values.Count));
            Assert.Equal(new[] { "history/post", "pack/post", "event/post" }, t.Emulator.AcceptedPosts.Select(p => p.Kind));
            link.Dispose();
        }

        [Theory]
        [InlineData("{\"temperature\":{\"value\":21.5},\"relay1\":{\"value\":true},\"mode\":{\"value\":2}}", 200, null)]
        [InlineData("{\"temperature\":{\"value\":130}}", 2402, "temperature: 130 is above max 125")]
        [InlineData("{\"temperature\":{\"value\":\"hot\"}}", 2402, "temperature: expected a number")]
        [InlineData("{\"relay1\":{\"value\":1}}", 2402, "relay1: expected bool")]
        [InlineData("{\"mode\":{\"value\":7}}", 2402, "mode: 7 is not an enum key")]
        [InlineData("{\"count\":{\"value\":2.5}}", 2402, "count: expected int32")]
        [InlineData("{\"Temperature\":{\"value\":20}}", 2402, "Temperature: identifier not in the thing model")]
        public async Task PostsAreCheckedAgainstTheThingModel(string parameters, int code, string reason)
        {
            await using var t = await TestEmulator.StartAsync(o => o.ThingModel = TestModel());
            var (link, listener) = t.Connect();

            Post(link, t.Prefix + "thing/property/post", "{\"id\":\"9\",\"params\":" + parameters + "}");

            JsonElement reply = Json(listener.Next(t.Prefix + "thing/property/post/reply"));
            Assert.Equal(code, reply.GetProperty("code").GetInt32());
            if (reason != null) Assert.Equal("request format error: " + reason, reply.GetProperty("msg").GetString());
            link.Dispose();
        }

        [Theory]
        [InlineData("$sys/TestProd01/node-02/thing/property/post", "another device's topic")]
        [InlineData("$sys/TestProd01/node-01/thing/property/set", "a platform-only topic")]
        [InlineData("$sys/TestProd01/node-01/thing/property/post/reply", "a platform-only reply topic")]
        [InlineData("sensors/temperature", "a free-form topic")]
        public async Task PublishingOutsideTheDevicesUplinksDisconnects(string topic, string what)
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();

            Post(link, topic, "{\"id\":\"1\",\"params\":{}}");

            Assert.True(listener.WaitLost(), what);
            Assert.Contains(t.Emulator.ConnectionEvents, e => e.What == "disconnecting: publish to a topic the device may not use: " + topic);
            link.Dispose();
        }

        [Theory]
        [InlineData("retain", "retain is not supported")]
        [InlineData("qos2", "QoS 2 is not supported")]
        [InlineData("big", "payload over 256 KB")]
        public async Task RetainQos2AndHugePayloadsDisconnect(string what, string reason)
        {
            await using var t = await TestEmulator.StartAsync();
            var o = t.Options();
            using IMqttClient client = new MqttClientFactory().CreateMqttClient();
            var lost = new TaskCompletionSource();
            client.DisconnectedAsync += _ => { lost.TrySetResult(); return Task.CompletedTask; };
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(o.Host, o.Port).WithClientId(o.ClientId)
                .WithCredentials(o.UserName, o.Password).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).Build());
            var message = new MqttApplicationMessageBuilder().WithTopic(t.Prefix + "thing/property/post")
                .WithPayload(what == "big" ? new byte[TopicRules.MaxPayloadBytes + 1] : Encoding.UTF8.GetBytes("{\"id\":\"1\",\"params\":{}}"))
                .WithRetainFlag(what == "retain")
                .WithQualityOfServiceLevel(what == "qos2" ? MqttQualityOfServiceLevel.ExactlyOnce : MqttQualityOfServiceLevel.AtMostOnce).Build();

            try
            {
                await client.PublishAsync(message).WaitAsync(RecordingListener.Patience);
            }
            catch (Exception)
            {
                // QoS 2 never gets its PUBREC: the link goes down first.
            }

            await lost.Task.WaitAsync(RecordingListener.Patience);
            Assert.Contains(t.Emulator.ConnectionEvents, e => e.What == "disconnecting: " + reason);
            Assert.Empty(t.Emulator.AcceptedPosts);
        }

        [Fact]
        public async Task SubscriptionsNeedTheOwnPrefixNoEarlyWildcardsAndAtMostTen()
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, _) = t.Connect(); // thing/# is one

            Assert.False(link.Subscribe(new[] { "$sys/TestProd01/+/thing/property/set" }));
            Assert.False(link.Subscribe(new[] { "$sys/TestProd01/node-02/thing/#" }));
            Assert.False(link.Subscribe(new[] { "$sys/TestProd01/node-01/#" }));
            Assert.True(link.Subscribe(new[] { t.Prefix + "thing/service/+/invoke", t.Prefix + "ota/inform" }));
            string[] seven = Enumerable.Range(0, 7).Select(i => t.Prefix + "custome/down/" + i).ToArray();
            Assert.True(link.Subscribe(seven));
            Assert.False(link.Subscribe(new[] { t.Prefix + "custome/down/extra" }));
            Assert.True(link.IsConnected);
            link.Dispose();
        }

        [Fact]
        public async Task UnsubscribingFreesOneOfTheTenFilters()
        {
            await using var t = await TestEmulator.StartAsync();
            var o = t.Options();
            using IMqttClient client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(o.Host, o.Port).WithClientId(o.ClientId)
                .WithCredentials(o.UserName, o.Password).WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311).Build());
            for (int i = 0; i < 10; i++)
            {
                Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, (await client.SubscribeAsync(t.Prefix + "custome/down/" + i, MqttQualityOfServiceLevel.AtLeastOnce)).Items.Single().ResultCode);
            }
            Assert.Equal(MqttClientSubscribeResultCode.UnspecifiedError, (await client.SubscribeAsync(t.Prefix + "thing/#")).Items.Single().ResultCode);

            await client.UnsubscribeAsync(t.Prefix + "custome/down/0");

            Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, (await client.SubscribeAsync(t.Prefix + "thing/#")).Items.Single().ResultCode);
        }

        [Fact]
        public async Task OperatorPropertySetReachesTheDeviceAndItsReplyIsRecorded()
        {
            await using var t = await TestEmulator.StartAsync(o => o.ThingModel = TestModel());
            var (link, listener) = t.Connect();

            string id = await t.Emulator.SetPropertiesAsync(TestEmulator.ProductId, TestEmulator.DeviceName, new JsonObject { ["relay1"] = true });

            JsonElement set = Json(listener.Next(t.Prefix + "thing/property/set"));
            Assert.Equal(id, set.GetProperty("id").GetString());
            Assert.True(set.GetProperty("params").GetProperty("relay1").GetBoolean());
            Post(link, t.Prefix + "thing/property/set_reply", "{\"id\":\"" + id + "\",\"code\":200,\"msg\":\"success\"}");
            DeviceReply reply = await t.Emulator.WaitForReplyAsync(id, RecordingListener.Patience);
            Assert.NotNull(reply);
            Assert.Equal(200, reply.Code);
            Assert.EndsWith("thing/property/set_reply", reply.Topic);
            await Assert.ThrowsAsync<ArgumentException>(() => t.Emulator.SetPropertiesAsync(TestEmulator.ProductId, TestEmulator.DeviceName, new JsonObject { ["temperature"] = 20 }));
            await Assert.ThrowsAsync<InvalidOperationException>(() => t.Emulator.SetPropertiesAsync(TestEmulator.ProductId, TestEmulator.OtherDevice, new JsonObject { ["relay1"] = true }));
            link.Dispose();
        }

        [Fact]
        public async Task TheHttpApiInvokesAServiceAndReturnsTheDevicesReply()
        {
            int httpPort = FreePort.Next();
            await using var t = await TestEmulator.StartAsync(o => o.HttpPort = httpPort);
            var (link, listener) = t.Connect();
            var answering = Task.Run(() =>
            {
                JsonElement invoke = Json(listener.Next(t.Prefix + "thing/service/reboot/invoke"));
                Post(link, t.Prefix + "thing/service/reboot/invoke_reply", "{\"id\":\"" + invoke.GetProperty("id").GetString() + "\",\"code\":200,\"msg\":\"success\",\"data\":{\"ok\":true}}");
            });
            using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + httpPort + "/") };

            HttpResponseMessage response = await http.PostAsync("devices/TestProd01/node-01/service/reboot/invoke", new StringContent("{\"delay\":1}"));

            Assert.True(response.IsSuccessStatusCode);
            JsonElement body = Json(await response.Content.ReadAsStringAsync());
            Assert.True(body.GetProperty("reply").GetProperty("data").GetProperty("ok").GetBoolean());
            await answering;
            Post(link, t.Prefix + "thing/property/post", "{\"id\":\"5\",\"params\":{\"humidity\":{\"value\":41}}}");
            listener.Next(t.Prefix + "thing/property/post/reply");
            JsonElement posts = Json(await http.GetStringAsync("posts"));
            Assert.Equal(41, posts[0].GetProperty("Params").GetProperty("humidity").GetProperty("value").GetInt32());
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("nothing")).StatusCode);
            link.Dispose();
        }

        [Fact]
        public async Task DesiredValuesAreServedWithVersionsAndCanBeDeleted()
        {
            await using var t = await TestEmulator.StartAsync();
            var (link, listener) = t.Connect();
            t.Emulator.SetDesired(TestEmulator.ProductId, TestEmulator.DeviceName, "relay1", JsonValue.Create(false));
            Assert.Equal(2, t.Emulator.SetDesired(TestEmulator.ProductId, TestEmulator.DeviceName, "relay1", JsonValue.Create(true)));

            Post(link, t.Prefix + "thing/property/desired/get", "{\"id\":\"3\",\"params\":[\"relay1\",\"mode\"]}");
            JsonElement data = Json(listener.Next(t.Prefix + "thing/property/desired/get/reply")).GetProperty("data");
            Assert.True(data.GetProperty("relay1").GetProperty("value").GetBoolean());
            Assert.Equal(2, data.GetProperty("relay1").GetProperty("version").GetInt32());
            Assert.False(data.TryGetProperty("mode", out _));

            Post(link, t.Prefix + "thing/property/desired/delete", "{\"id\":\"4\",\"params\":{\"relay1\":{\"version\":2}}}");
            listener.Next(t.Prefix + "thing/property/desired/delete/reply");
            Post(link, t.Prefix + "thing/property/desired/get", "{\"id\":\"5\",\"params\":[\"relay1\"]}");
            Assert.Empty(Json(listener.Next(t.Prefix + "thing/property/desired/get/reply")).GetProperty("data").EnumerateObject());
            link.Dispose();
        }

        [Theory]
        [InlineData("{\"door\":{\"value\":{\"open\":true},\"time\":1780000000000}}", 200, null)]
        [InlineData("{\"alarm\":{\"value\":{\"anything\":1}}}", 200, null)]
        [InlineData("{\"door\":{\"value\":{\"open\":1}}}", 2402, "door.open: expected bool")]
        [InlineData("{\"door\":{\"value\":{\"closed\":true}}}", 2402, "door.closed: output parameter not in the thing model")]
        [InlineData("{\"window\":{\"value\":{\"open\":true}}}", 2402, "window: event not in the thing model")]
        public async Task EventsAreCheckedAgainstTheirDeclaredOutputs(string parameters, int code, string reason)
        {
            await using var t = await TestEmulator.StartAsync(o => o.ThingModel = TestModel());
            var (link, listener) = t.Connect();

            Post(link, t.Prefix + "thing/event/post", "{\"id\":\"9\",\"params\":" + parameters + "}");

            JsonElement reply = Json(listener.Next(t.Prefix + "thing/event/post/reply"));
            Assert.Equal(code, reply.GetProperty("code").GetInt32());
            if (reason != null) Assert.Equal("request format error: " + reason, reply.GetProperty("msg").GetString());
            link.Dispose();
        }

        /// <summary>A small model in OneNET's own file format (specs numbers as strings, as the console exports them).</summary>
        internal static ThingModel TestModel() => ThingModel.Parse("""
            {"version":"1.0","properties":[
              {"identifier":"temperature","accessMode":"r","dataType":{"type":"float","specs":{"min":"-40","max":"125","step":"0.01"}}},
              {"identifier":"relay1","accessMode":"rw","dataType":{"type":"bool","specs":{"true":"开","false":"关"}}},
              {"identifier":"mode","accessMode":"r","dataType":{"type":"enum","specs":{"0":"auto","1":"on","2":"off"}}},
              {"identifier":"count","accessMode":"r","dataType":{"type":"int32","specs":{"min":"","max":""}}}],
             "events":[{"identifier":"alarm","outputData":[{"identifier":"anything","dataType":{"type":"int32","specs":{"min":"0","max":"9"}}},
                                                           {"identifier":"level","dataType":{"type":"int32","specs":{"min":"0","max":"9"}}}]},
                       {"identifier":"door","outputData":[{"identifier":"open","dataType":{"type":"bool","specs":{"true":"开","false":"关"}}}]}],
             "services":[{"identifier":"reboot","input":[],"output":[]},
                         {"identifier":"blink","input":[{"identifier":"times","dataType":{"type":"int32","specs":{"min":"1","max":"10"}}}],"output":[]}]}
            """);
    }
}
