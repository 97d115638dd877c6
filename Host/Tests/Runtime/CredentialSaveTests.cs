using OneNetFirmware.Host.Tests.Battery;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Runtime;

/// <summary>
/// No flash-wear loop: on the ESP32 every start that passes the Wi-Fi credentials writes them to flash, so the
/// supervisor passes them on the first start of a power cycle and then at most once per 24 h (CredentialSaves).
/// </summary>
public class CredentialSaveTests
{
    private const long Min = 60_000;

    [Fact]
    public void TwoDaysWithoutWifiWriteTheCredentialsOncePerDayNotOncePerRetry()
    {
        var faults = new FaultPlan();
        faults.NetworkOutages.Add((0, long.MaxValue));
        var sim = new NodeSim(faults, c => c.Watchdog.RebootAfterDowntimeMinutes = 0);
        sim.RunUntil(47 * 60 * Min);
        // Every 60 s a new start, every 5 min a restart: each one used to write the configuration.
        Assert.True(sim.Network.Starts + sim.Network.Restarts.Count > 2500);
        Assert.Equal(new long[] { 0, 24 * 60 * Min }, sim.Network.CredentialSaves);
        Assert.Equal(2, sim.Node.Supervisor.CredentialSaves.Count);
    }

    [Fact]
    public void WithRebootsItIsOneWritePerBootAndTheBootLoopGuardStopsThem()
    {
        var faults = new FaultPlan();
        faults.NetworkOutages.Add((0, long.MaxValue));
        var sim = new NodeSim(faults); // reboot after 15 min offline, guard after 5 watchdog reboots
        sim.RunUntil(24 * 60 * Min);
        Assert.Equal(5, sim.Reboots.Count);
        Assert.Equal(sim.Reboots.Count + 1, sim.Network.CredentialSaves.Count); // one per boot
    }

    [Fact]
    public void ABatteryWakeUpFromDeepSleepDoesNotWriteThemAgain()
    {
        var h = new BatteryHarness();
        h.Faults.NetworkOutages.Add((0, long.MaxValue)); // every wake-up has to start the network
        h.Wake(4); // a power-on boot, then three timer wake-ups
        Assert.Equal(1, h.CredentialSaves);
        Assert.True(h.Network.Starts > 0);
    }

    [Fact]
    public void TheLimitAllowsTheFirstSaveThenOnePerDay()
    {
        var saves = new CredentialSaves();
        Assert.True(saves.Take(5_000));
        Assert.False(saves.Take(6_000));
        Assert.False(saves.Take(5_000 + RuntimeDefaults.CredentialSaveIntervalMilliseconds - 1));
        Assert.True(saves.Take(5_000 + RuntimeDefaults.CredentialSaveIntervalMilliseconds));
        Assert.Equal(2, saves.Count);

        var woken = new CredentialSaves();
        woken.AlreadySaved(0);
        Assert.False(woken.Take(1000));
        Assert.Equal(0, woken.Count);
    }
}
