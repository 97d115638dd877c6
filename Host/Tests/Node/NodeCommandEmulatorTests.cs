using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// Commands from the platform, over real MQTT against the in-process emulator in real time. The reproduced
/// stale-desired-value bug: desired relay1=true, a property/set relay1=false, a restart (a new node on the same board,
/// the same emulator) — the relay stays off, the platform holds no desired value, and the console's latest relay1
/// follows every change. And a set with a quoted number, as OneNET's own example writes it.
/// </summary>
public class NodeCommandEmulatorTests
{
    private sealed class RunningNode : IDisposable
    {
        public readonly NodeRuntime Node;
        public readonly SimulatedGpio Gpio = new();
        public readonly SimLog Log = new();
        private readonly MqttNetLink _link = new();
        private readonly SystemClock _clock = new();

        public RunningNode(TestEmulator t, SimBoard board)
        {
            NodeConfig config = NodeHarness.SensorNodeConfig(TestEmulator.ProductId, TestEmulator.DeviceName, TestEmulator.Key, 60);
            config.OneNet.Host = "127.0.0.1";
            config.OneNet.Port = t.Port;
            var hardware = new SimulatedSensorHardware();
            hardware.Bus(1).Attach(0x44, new Sht3xChip(_clock) { Temperature = 22.5, Humidity = 45 });
            Node = NodeBuilder.Build(config, new HostNetwork(), _link, _clock, board, Log, new HmacSigner(), hardware, Gpio,
                new SeededRandom(1));
        }

        public bool Relay => Gpio.Read(NodeHarness.RelayPin);

        /// <summary>Steps both loops on this thread until done (bounded: never hangs the suite).</summary>
        public void RunUntil(Func<bool> done, string what)
        {
            var deadline = Stopwatch.StartNew();
            while (!done())
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "timed out waiting for " + what + "\n" + string.Join("\n", Log.Lines));
                Node.Supervisor.Step(_clock.NowMilliseconds);
                Node.Loop.Step(_clock.NowMilliseconds);
                Thread.Sleep(RuntimeDefaults.StepMilliseconds);
            }
        }

        public void Dispose() => _link.Dispose();
    }

    /// <summary>The console's latest value of identifier: the newest point the platform accepted (by its time).</summary>
    private static bool? Latest(OneNetEmulator emulator, string identifier)
    {
        var points = emulator.AcceptedPosts.Where(p => p.Kind is "property/post" or "history/post")
            .SelectMany(p => p.Values.Select(v => (Time: v.TimeMs ?? p.ReceivedAt.ToUnixTimeMilliseconds(), v)))
            .Where(x => x.v.Identifier == identifier).OrderBy(x => x.Time).ToList();
        return points.Count == 0 ? null : points[^1].v.Value.GetBoolean();
    }

    private static int RelayReports(OneNetEmulator emulator) =>
        emulator.AcceptedPosts.Count(p => p.Kind == "property/post" && p.Values.Any(v => v.Identifier == "relay1"));

    private static int DesiredGets(OneNetEmulator emulator) => emulator.AcceptedPosts.Count(p => p.Kind == "property/desired/get");

    [Fact]
    public async Task ARelaySwitchedOffAfterADesiredOnStaysOffAcrossARestart()
    {
        await using TestEmulator t = await TestEmulator.StartAsync(o => o.Clock = () => DateTimeOffset.UtcNow);
        OneNetEmulator emulator = t.Emulator;
        const string Pid = TestEmulator.ProductId, Dev = TestEmulator.DeviceName;
        var board = new SimBoard();
        emulator.SetDesired(Pid, Dev, "relay1", JsonValue.Create(true));

        using (var first = new RunningNode(t, board))
        {
            // Applied, deleted with its version, and the console shows the relay on.
            first.RunUntil(() => first.Relay && emulator.Desired(Pid, Dev, "relay1") == null && Latest(emulator, "relay1") == true,
                "the desired value applied, deleted and reported");

            // A desired value stored while the node is online (it reads them only after a connect), then a set: the set
            // is the newest word, so that desired value must not come back either.
            Assert.Equal(1, emulator.SetDesired(Pid, Dev, "relay1", JsonValue.Create(true))); // 1 again after the delete
            string id = await emulator.SetPropertiesAsync(Pid, Dev, new JsonObject { ["relay1"] = false });
            first.RunUntil(() => emulator.DeviceReplies.Any(r => r.Id == id) && !first.Relay
                && emulator.Desired(Pid, Dev, "relay1") == null && Latest(emulator, "relay1") == false,
                "the set applied, its desired value deleted and the state reported");
            Assert.Equal(200, emulator.DeviceReplies.Single(r => r.Id == id).Code);
        }

        int relayReports = RelayReports(emulator);
        using var second = new RunningNode(t, board);
        Assert.False(second.Relay); // opened at the saved state
        // The desired/get goes first; the report of the output's state (acknowledged) at least a paced second later.
        second.RunUntil(() => DesiredGets(emulator) == 2 && RelayReports(emulator) > relayReports && second.Node.Outbox.Depth == 0,
            "the restarted node's desired/get and its report of the relay");

        Assert.False(second.Relay); // before the fix: on again, from the stale desired value
        Assert.Null(emulator.Desired(Pid, Dev, "relay1"));
        Assert.Equal(false, Latest(emulator, "relay1"));
        Assert.Empty(emulator.RejectedPosts);
    }

    [Fact]
    public async Task ASetWithAQuotedNumberIsAppliedAndOtherTextIsRefused()
    {
        await using TestEmulator t = await TestEmulator.StartAsync(o => o.Clock = () => DateTimeOffset.UtcNow);
        OneNetEmulator emulator = t.Emulator;
        using var node = new RunningNode(t, new SimBoard());
        node.RunUntil(() => node.Node.Supervisor.IsOnline, "online");

        string ok = await emulator.SetPropertiesAsync(TestEmulator.ProductId, TestEmulator.DeviceName, new JsonObject { ["report_interval"] = "30" });
        string refused = await emulator.SetPropertiesAsync(TestEmulator.ProductId, TestEmulator.DeviceName, new JsonObject { ["report_interval"] = "30s" });
        node.RunUntil(() => emulator.DeviceReplies.Any(r => r.Id == refused), "both set replies");

        Assert.Equal(200, emulator.DeviceReplies.Single(r => r.Id == ok).Code);
        Assert.Equal(422, emulator.DeviceReplies.Single(r => r.Id == refused).Code);
        Assert.Equal(30, node.Node.Settings.ReportIntervalSeconds);
    }
}
