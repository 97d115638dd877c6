using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Host.Tests.Node;
using OneNetFirmware.OneNet;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// Broken downlinks sent raw through the emulator to the node over real MQTT: it answers each request whose id it can
/// read or recover with the documented code (ReplyCodes: 400 malformed, 413 longer than MaxDownlinkBytes), counts what it
/// cannot answer, keeps running, and a valid set afterwards still switches the relay.
/// </summary>
public class MalformedDownlinkTests
{
    private static readonly TimeSpan RealWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BrokenDownlinksGetTheirErrorCodesAndAValidSetStillWorks()
    {
        ReliableNode node = null;
        await using TestEmulator t = await TestEmulator.StartAsync(o => o.Clock = () => node.UtcNow);
        using (node = new ReliableNode(TestEmulator.ProductId, TestEmulator.DeviceName, TestEmulator.Key, t.Port))
        {
            Assert.True(node.RunUntil(() => node.Node.Supervisor.IsOnline, 30_000), node.Trace());
            node.RunFor(3_000);
            var counters = node.Node.Counters;

            async Task<DeviceReply> Request(string suffix, string json)
            {
                string id = json.Split('"')[3]; // every request below starts with {"id":"…"
                await t.Emulator.SendRawAsync(TestEmulator.ProductId, TestEmulator.DeviceName, suffix, Encoding.UTF8.GetBytes(json));
                Assert.True(node.StepUntil(() => t.Emulator.DeviceReplies.Any(r => r.Id == id), RealWait), "no reply to " + json + "\n" + node.Trace());
                return t.Emulator.DeviceReplies.First(r => r.Id == id);
            }

            async Task Unanswerable(byte[] payload)
            {
                int before = counters.MalformedDownlinks;
                int replies = t.Emulator.DeviceReplies.Count;
                await t.Emulator.SendRawAsync(TestEmulator.ProductId, TestEmulator.DeviceName, "thing/property/set", payload);
                Assert.True(node.StepUntil(() => counters.MalformedDownlinks == before + 1, RealWait), node.Trace());
                node.RunFor(1_000);
                Assert.Equal(replies, t.Emulator.DeviceReplies.Count); // no id can be trusted: no reply
            }

            // Garbage bytes, text that is not JSON, and truncated JSON whose id is not a digit string: counted, not answered.
            await Unanswerable(new byte[] { 0xFF, 0x00, 0xFE, 0x7B, 0x22, 0x80, 0x01 });
            await Unanswerable(Encoding.UTF8.GetBytes("relay1=on"));
            await Unanswerable(Encoding.UTF8.GetBytes("{\"id\":\"x1\",\"params\":{\"relay1\":tru"));
            Assert.Equal(3, counters.MalformedDownlinks);

            // Truncated JSON whose digit id can be recovered: 400 on set_reply at once, not a 5 s timeout; counted.
            DeviceReply cut = await Request("thing/property/set", "{\"id\":\"301\",\"version\":\"1.0\",\"params\":{\"relay1\":tru");
            Assert.Equal(ReplyCodes.Malformed, cut.Code);
            Assert.EndsWith("/thing/property/set_reply", cut.Topic);
            Assert.Equal(4, counters.MalformedDownlinks);

            // A readable id but the wrong envelope: 400, and counted.
            DeviceReply r = await Request("thing/property/set", "{\"id\":\"m1\",\"version\":\"1.0\",\"params\":[\"relay1\",true]}");
            Assert.Equal(ReplyCodes.Malformed, r.Code);
            Assert.Equal(5, counters.MalformedDownlinks);

            // Well-formed requests the node cannot carry out: their codes, and the relay untouched.
            Assert.Equal(ReplyCodes.WrongType, (await Request("thing/property/set", "{\"id\":\"m2\",\"version\":\"1.0\",\"params\":{\"relay1\":\"on\"}}")).Code);
            Assert.Equal(ReplyCodes.WrongType, (await Request("thing/property/set", "{\"id\":\"m3\",\"version\":\"1.0\",\"params\":{\"report_interval\":0}}")).Code);
            Assert.Equal(ReplyCodes.WrongType, (await Request("thing/property/set", "{\"id\":\"m4\",\"version\":\"1.0\",\"params\":{\"report_interval\":2.5}}")).Code);
            Assert.Equal(ReplyCodes.UnknownIdentifier, (await Request("thing/property/set", "{\"id\":\"m5\",\"version\":\"1.0\",\"params\":{\"nosuch\":1}}")).Code);
            Assert.Equal(ReplyCodes.NotWritable, (await Request("thing/property/set", "{\"id\":\"m6\",\"version\":\"1.0\",\"params\":{\"temperature\":5}}")).Code);
            // All or nothing: a valid relay1 beside an unknown identifier is not applied.
            Assert.Equal(ReplyCodes.UnknownIdentifier, (await Request("thing/property/set", "{\"id\":\"m7\",\"version\":\"1.0\",\"params\":{\"relay1\":true,\"nosuch\":1}}")).Code);
            Assert.Equal(ReplyCodes.UnknownIdentifier, (await Request("thing/property/get", "{\"id\":\"m8\",\"version\":\"1.0\",\"params\":[\"nosuch\"]}")).Code);
            Assert.Equal(ReplyCodes.UnknownIdentifier, (await Request("thing/service/selfdestruct/invoke", "{\"id\":\"m9\",\"version\":\"1.0\",\"params\":{}}")).Code);
            Assert.False(node.Gpio.Read(NodeHarness.RelayPin));
            Assert.Equal(5, counters.MalformedDownlinks);

            // Larger than a downlink slot (1 KB): only its head is kept, the id is found there and the set is answered 413
            // on set_reply (relay untouched), a service call on its own invoke_reply; without an id it is only counted.
            string pad = new string('x', 2000);
            DeviceReply big = await Request("thing/property/set", "{\"id\":\"302\",\"version\":\"1.0\",\"params\":{\"relay1\":true,\"pad\":\"" + pad + "\"}}");
            Assert.Equal(ReplyCodes.TooLarge, big.Code);
            Assert.EndsWith("/thing/property/set_reply", big.Topic);
            Assert.False(node.Gpio.Read(NodeHarness.RelayPin));
            DeviceReply bigCall = await Request("thing/service/report_now/invoke", "{\"id\":\"303\",\"params\":{\"pad\":\"" + pad + "\"}}");
            Assert.Equal(ReplyCodes.TooLarge, bigCall.Code);
            Assert.EndsWith("/thing/service/report_now/invoke_reply", bigCall.Topic);
            int repliesBefore = t.Emulator.DeviceReplies.Count;
            await t.Emulator.SendRawAsync(TestEmulator.ProductId, TestEmulator.DeviceName, "thing/property/set",
                Encoding.UTF8.GetBytes("{\"version\":\"1.0\",\"params\":{\"relay1\":true,\"pad\":\"" + pad + "\"}}"));
            Assert.True(node.StepUntil(() => counters.OversizeDownlinks == 3, RealWait), node.Trace());
            node.RunFor(1_000);
            Assert.Equal(repliesBefore, t.Emulator.DeviceReplies.Count);
            Assert.Equal(0, node.Node.Downlinks.Dropped);
            Assert.Equal(5, counters.MalformedDownlinks);

            // Still online and posting, and a valid set works.
            int posts = node.Link.Posts;
            DeviceReply ok = await Request("thing/property/set", "{\"id\":\"m10\",\"version\":\"1.0\",\"params\":{\"relay1\":true}}");
            Assert.Equal(ReplyCodes.Success, ok.Code);
            Assert.True(node.Gpio.Read(NodeHarness.RelayPin));
            node.RunFor(3_000);
            Assert.True(node.Link.Posts > posts);
            Assert.True(node.Node.Supervisor.IsOnline, node.Trace());
            Assert.Equal(1, node.Node.Counters.MqttConnects);
            Assert.Equal(5, counters.MalformedDownlinks);
            Assert.Equal(3, counters.OversizeDownlinks);
        }
    }
}
