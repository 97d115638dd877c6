using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.Cli.Commands;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// The example nf-config.json node (every sensor, the relay, the door contact, the rain counter) in its simulated world
/// runs for a virtual hour over real MQTT against the emulator loaded with the file `thing-model` exports for that
/// configuration, while the operator sets, gets and invokes everything writable or callable. The platform accepts every
/// post (0 rejections, no time warning), and every identifier of the model is one the node posted or accepted.
/// </summary>
public class ThingModelHourTests
{
    private const long HourMs = 3_600_000;
    private static readonly TimeSpan RealBudget = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task AnHourOfTheExampleNodeFitsItsExportedThingModel()
    {
        ConfigFile.Result loaded = ConfigFile.Load(RepoPaths.Of("nf-config.json"));
        Assert.True(loaded.IsValid);
        NodeConfig config = loaded.Config;
        config.OneNet.ProductId = TestEmulator.ProductId;
        config.OneNet.DeviceName = TestEmulator.DeviceName;
        config.OneNet.DeviceKey = TestEmulator.Key;
        config.OneNet.Tls = false;
        config.OneNet.Host = "127.0.0.1";

        // Export with the command's own code, to a file, and load that file like `emulator --thing-model` does.
        string path = Path.Combine(Path.GetTempPath(), "thing-model-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, ThingModelCommand.Text(config));
        ThingModel model;
        try
        {
            model = ThingModel.Load(path);
        }
        finally
        {
            File.Delete(path);
        }

        var clock = new VirtualClock();
        await using TestEmulator t = await TestEmulator.StartAsync(o =>
        {
            o.Clock = () => DateTimeOffset.FromUnixTimeMilliseconds(clock.UtcUnixMilliseconds);
            o.ThingModel = model;
        });
        config.OneNet.Port = t.Port;
        var world = new SimulatedWorld(config, clock);
        var link = new VirtualTimeLink(clock);
        var log = new SimLog();
        NodeRuntime node = NodeBuilder.Build(config, new HostNetwork(), link, clock, new SimBoard(), log, new HmacSigner(),
            world.Sensors, world.Gpio, new SeededRandom(3));
        var real = Stopwatch.StartNew();
        InputConfig counter = config.Inputs.Single(i => i.Type == "counter");

        void Step()
        {
            if (real.Elapsed > RealBudget) throw new TimeoutException("over the real-time budget at virtual " + clock.NowMilliseconds + " ms\n" + string.Join("\n", log.Lines.TakeLast(40)));
            int posts = link.Posts;
            node.Supervisor.Step(clock.NowMilliseconds);
            world.Update(clock.NowMilliseconds / 1000.0);
            // The rain gauge tips for 1 s every 20 s.
            world.Gpio.Set(counter.Pin, clock.NowMilliseconds % 20_000 < 1_000);
            node.Loop.Step(clock.NowMilliseconds);
            if (link.Posts > posts)
            {
                var wait = Stopwatch.StartNew();
                while (node.Downlinks.Count == 0 && link.IsConnected && wait.ElapsedMilliseconds < ReliableNode.ReplyWaitMilliseconds) Thread.Sleep(1);
            }
            clock.Advance(RuntimeDefaults.StepMilliseconds);
        }

        async Task<DeviceReply> Request(Task<string> sent)
        {
            string id = await sent;
            var wait = Stopwatch.StartNew();
            DeviceReply reply;
            while ((reply = t.Emulator.DeviceReplies.FirstOrDefault(r => r.Id == id)) == null && wait.Elapsed < TimeSpan.FromSeconds(10)) Step();
            Assert.NotNull(reply);
            return reply;
        }

        while (!node.Supervisor.IsOnline && clock.NowMilliseconds < 60_000) Step();
        Assert.True(node.Supervisor.IsOnline, string.Join("\n", log.Lines));

        // Every writable property set (within its range), read back, every service invoked (reboot last: the harness
        // does not reboot, the reply is what counts).
        string pid = TestEmulator.ProductId, dev = TestEmulator.DeviceName;
        var accepted = new HashSet<string>(StringComparer.Ordinal);
        foreach (ThingModel.Property p in model.Properties.Where(p => p.Writable))
        {
            JsonNode value = p.Type == "bool" ? JsonValue.Create(true) : JsonValue.Create(p.Identifier == RuntimeSettings.SampleIntervalIdentifier ? 10 : 30);
            DeviceReply set = await Request(t.Emulator.SetPropertiesAsync(pid, dev, new JsonObject { [p.Identifier] = value }));
            Assert.True(set.Code == 200, p.Identifier + ": " + set.Payload.GetRawText());
            accepted.Add(p.Identifier);
        }
        DeviceReply get = await Request(t.Emulator.GetPropertiesAsync(pid, dev, model.Properties.Where(p => p.Writable).Select(p => p.Identifier).ToArray()));
        Assert.Equal(200, get.Code);
        foreach (JsonProperty value in get.Payload.GetProperty("data").EnumerateObject())
        {
            Assert.Null(model.CheckProperty(value.Name, value.Value));
        }
        foreach (ThingModel.Service s in model.Services.Where(s => s.Identifier != DownlinkHandler.RebootService))
        {
            DeviceReply invoked = await Request(t.Emulator.InvokeServiceAsync(pid, dev, s.Identifier, new JsonObject()));
            Assert.True(invoked.Code == 200, s.Identifier + ": " + invoked.Payload.GetRawText());
            accepted.Add(s.Identifier);
        }

        while (clock.NowMilliseconds < HourMs) Step();
        DeviceReply reboot = await Request(t.Emulator.InvokeServiceAsync(pid, dev, DownlinkHandler.RebootService, new JsonObject()));
        Assert.Equal(200, reboot.Code);
        accepted.Add(DownlinkHandler.RebootService);

        Assert.Empty(t.Emulator.RejectedPosts.Select(r => r.Code + " " + r.Msg));
        Assert.Equal(0, t.Emulator.SecondsTimestamps);
        Assert.Equal(0, t.Emulator.FutureTimestamps);
        Assert.Equal(0, node.Outbox.Rejected);
        Assert.Equal(0, node.InputEvents.Rejected);
        var posted = new HashSet<string>(t.Emulator.AcceptedPosts.SelectMany(p => p.Values).Select(v => v.Identifier), StringComparer.Ordinal);
        string[] unused = model.Identifiers.Where(id => !posted.Contains(id) && !accepted.Contains(id)).ToArray();
        Assert.True(unused.Length == 0, "in the model but never posted or accepted: " + string.Join(", ", unused));
        // An hour of it: reports every minute, diagnostics every 10 minutes, the door's two events a minute.
        Assert.InRange(t.Emulator.AcceptedPosts.Count(p => p.Kind == "property/post"), 60, 400);
        Assert.InRange(t.Emulator.AcceptedPosts.Count(p => p.Kind == "event/post"), 100, 130);
    }
}
