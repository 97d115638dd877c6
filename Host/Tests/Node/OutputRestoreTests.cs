using System.Text.Json;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Tests.Battery;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// outputs[].restoreState: the last commanded state is saved in the node record on each change and applied at boot, so
/// a reset (watchdog, reboot service, deep-sleep wake-up, power cut) never switches a relay; a "reboot" is a new node
/// built on the same board (the record survives, pins and RAM start over).
/// </summary>
public class OutputRestoreTests
{
    private const string SetOn = "{\"id\":\"1\",\"version\":\"1.0\",\"params\":{\"relay1\":true}}";
    private const string SetOff = "{\"id\":\"2\",\"version\":\"1.0\",\"params\":{\"relay1\":false}}";

    private static NodeHarness Online(System.Action<NodeConfig> configure = null, SimBoard board = null)
    {
        var h = new NodeHarness(configure, board);
        h.RunUntil(60_000);
        Assert.True(h.Node.Supervisor.IsOnline);
        return h;
    }

    private static void Set(NodeHarness h, string payload) =>
        Assert.Equal(ReplyCodes.Success, h.Answer("property/set", payload).GetProperty("code").GetInt32());

    [Fact]
    public void ARelaySetOnIsOnAtTheNextBootBeforeAnyNetwork()
    {
        NodeHarness h = Online();
        Set(h, SetOn);

        var rebooted = new NodeHarness(board: h.Board);

        // Built, not yet stepped: no Wi-Fi, no MQTT, and the pin opened at the saved state.
        Assert.True(rebooted.Gpio.Read(NodeHarness.RelayPin));
        Assert.Contains("I outputs: 1 at their saved state (restoreState)", rebooted.Log.Lines);
        Assert.False(rebooted.Node.Supervisor.IsOnline);
        rebooted.RunUntil(60_000);
        Assert.True(rebooted.Node.Supervisor.IsOnline);
        Assert.True(rebooted.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void TheRecordIsSavedOncePerChangeNotPerLoopStep()
    {
        NodeHarness h = Online();
        int boot = h.Board.Saves;
        Assert.Equal(1, boot); // the boot count

        Set(h, SetOn);
        Assert.Equal(boot + 1, h.Board.Saves);
        h.RunFor(120_000);
        Set(h, SetOn); // no change: no write
        Assert.Equal(boot + 1, h.Board.Saves);
        Set(h, SetOff);
        Assert.Equal(boot + 2, h.Board.Saves);
        h.RunFor(120_000);
        Assert.Equal(boot + 2, h.Board.Saves);
    }

    [Fact]
    public void WithoutRestoreStateTheRelayStartsAtInitialOnAndNothingIsSaved()
    {
        static void Configure(NodeConfig c) => c.Outputs[0].RestoreState = false;
        NodeHarness h = Online(Configure);
        Set(h, SetOn);
        Assert.Equal(1, h.Board.Saves);

        var rebooted = new NodeHarness(Configure, h.Board);

        Assert.False(rebooted.Gpio.Read(NodeHarness.RelayPin));
        Assert.DoesNotContain("relay1", h.Board.Record);
        Assert.DoesNotContain(rebooted.Log.Lines, l => l.Contains("saved state"));
    }

    [Fact]
    public void InitialOnAppliesWithoutASavedStateAndTheSavedStateWinsOverIt()
    {
        static void Configure(NodeConfig c) => c.Outputs[0].InitialOn = true;
        NodeHarness h = Online(Configure);
        Assert.True(h.Gpio.Read(NodeHarness.RelayPin));
        Set(h, SetOff);

        var rebooted = new NodeHarness(Configure, h.Board);

        Assert.False(rebooted.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void ADamagedRecordFallsBackToInitialOn()
    {
        var board = new SimBoard { Record = "boots=x\nout=relay1:maybe\n" };
        var h = new NodeHarness(c => c.Outputs[0].InitialOn = true, board);
        Assert.True(h.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void TheDesiredValueAfterConnectOverridesTheSavedStateAndIsSavedInTurn()
    {
        NodeHarness h = Online();
        Set(h, SetOn);

        var rebooted = new NodeHarness(board: h.Board);
        rebooted.Link.Desired["relay1"] = JsonDocument.Parse("false").RootElement;
        Assert.True(rebooted.Gpio.Read(NodeHarness.RelayPin));
        rebooted.RunUntil(60_000);

        Assert.Equal(1, rebooted.Link.DesiredGets);
        Assert.False(rebooted.Gpio.Read(NodeHarness.RelayPin));
        Assert.False(new NodeHarness(board: h.Board).Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void TheRebootServiceSavesItsReasonWithoutLosingTheOutputStates()
    {
        NodeHarness h = Online();
        Set(h, SetOn);

        h.Answer("service/reboot/invoke", "{\"id\":\"9\",\"version\":\"1.0\",\"params\":{}}");
        h.RunFor(2_000);

        Assert.True(h.Board.RebootRequested);
        NodeRecord record = NodeRecord.Parse(h.Board.Record);
        Assert.NotEqual("", record.LastRebootReason);
        Assert.True(record.TryGetOutput("relay1", out bool on) && on);
        var rebooted = new NodeHarness(board: h.Board);
        Assert.True(rebooted.Gpio.Read(NodeHarness.RelayPin));
        Assert.Equal(record.LastRebootReason, rebooted.Node.Record.PreviousRebootReason);
    }

    [Fact]
    public void AWatchdogRebootForDowntimeDoesNotSwitchTheRelay()
    {
        NodeHarness h = Online(c => c.Watchdog.RebootAfterDowntimeMinutes = 15);
        Set(h, SetOn);
        h.Faults.BrokerOutages.Add((h.Clock.NowMilliseconds, long.MaxValue));

        h.RunFor(20 * 60_000);

        Assert.True(h.Board.RebootRequested);
        NodeRecord record = NodeRecord.Parse(h.Board.Record);
        Assert.Equal(1, record.RecentWatchdogReboots);
        var rebooted = new NodeHarness(c => c.Watchdog.RebootAfterDowntimeMinutes = 15, h.Board);
        Assert.True(rebooted.Gpio.Read(NodeHarness.RelayPin));
        Assert.Equal(record.LastRebootReason, rebooted.Node.Record.PreviousRebootReason);
    }

    [Fact]
    public void LookingUpASavedStateAllocatesNothing()
    {
        NodeRecord record = NodeRecord.Parse("boots=3\nout=pump:0,relay1:1,fan:1\n");
        record.TryGetOutput("fan", out _);
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        bool found = record.TryGetOutput("relay1", out bool on) & record.TryGetOutput("fan", out _);
        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(found && on);
    }

    [Fact]
    public void ABatteryNodeKeepsTheRelayStateAcrossWakeUps()
    {
        var h = new BatteryHarness();
        h.Wake();
        h.Link.Desired["relay1"] = JsonDocument.Parse("true").RootElement;
        h.Wake();
        Assert.True(h.Gpio.Read(NodeHarness.RelayPin));
        h.Link.Desired.Clear(); // the desired value was deleted on the platform: the saved state carries on
        bool? atBoot = null;
        h.OnStep = (b, ms) => atBoot ??= b.Node.Supervisor.IsOnline ? null : b.Gpio.Read(NodeHarness.RelayPin);

        h.Wake(2);

        Assert.True(atBoot);
        Assert.True(h.Gpio.Read(NodeHarness.RelayPin));
        Assert.Equal(4, h.Link.DesiredGets);
    }
}
