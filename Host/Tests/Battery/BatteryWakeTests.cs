using System.Linq;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>
/// Battery mode's wake-up by an input (ext0): the board sleeps until the timer or until the wake input's pin reaches
/// the level opposite to its state at the sleep; after such a wake-up the input's state at boot is an event.
/// </summary>
public class BatteryWakeTests
{
    private const int DoorPin = BatteryEventTests.DoorPin;
    private const int BellPin = 33;

    [Fact]
    public void TheDoorOpeningWhileAsleepWakesTheBoardEarlyWhichPostsTheEventAndSleepsAgain()
    {
        var h = BatteryEventTests.DoorHarness();
        h.WhileAsleep.Add((120_000, DoorPin, true)); // 2 minutes into the first sleep the door opens

        h.Wake();

        Assert.Equal(DoorPin, h.Sleep.RequestedWakePin);
        Assert.True(h.Sleep.RequestedWakeHigh); // it was closed (low): wakes when it opens
        Assert.Contains(h.Log.Lines, l => l.Contains("deep sleep for 600 s or until GPIO 27 goes high"));
        Assert.Equal(120_000, h.SleptMs[0]);
        Assert.True(h.Sleep.WokeByPin);

        h.Wake();

        Assert.Contains(h.Log.Lines, l => l.Contains("battery: wake-up 2 (input doorOpen on GPIO 27)"));
        var e = Assert.Single(h.Link.Events);
        Assert.Equal("doorOpen", e.Identifier);
        Assert.True(e.Value.GetProperty("open").GetBoolean());
        // The state at boot, with the time of the wake-up's first step (when the input was first read).
        Assert.InRange(e.Time!.Value, h.Wakes[1].SampledUtc - RuntimeDefaults.StepMilliseconds, h.Wakes[1].SampledUtc);
        Assert.False(h.Cycle.LimitReached);
        // Open now: the next sleep wakes on closing, so the open door does not wake the board again at once.
        Assert.Equal(DoorPin, h.Sleep.RequestedWakePin);
        Assert.False(h.Sleep.RequestedWakeHigh);
        Assert.Equal(600_000, h.SleptMs[1]);

        h.Wake(); // the timer's wake-up: the door is still open, no event
        Assert.Single(h.Link.Events);
        Assert.Contains(h.Log.Lines, l => l.Contains("battery: wake-up 3 (timer)"));
        h.WhileAsleep.Add((30_000, DoorPin, false));
        h.Wake(); // the door closes 30 s into this wake-up's sleep
        h.Wake();

        Assert.Equal(30_000, h.SleptMs[3]);
        Assert.Equal(2, h.Link.Events.Count);
        Assert.False(h.Link.Events[1].Value.GetProperty("open").GetBoolean());
    }

    [Fact]
    public void AButtonPressShorterThanTheBootIsPostedAsPressedThenReleased()
    {
        var h = new BatteryHarness(c => c.Inputs =
            [new InputConfig { Type = "button", Pin = BellPin, Pull = "up", Identifier = "bell" }]);
        h.Pins[BellPin] = true; // released (pull-up)
        h.WhileAsleep.Add((10_000, BellPin, false)); // pressed …
        h.WhileAsleep.Add((10_200, BellPin, true)); // … and released before the node reads it

        h.Wake();
        Assert.False(h.Sleep.RequestedWakeHigh);
        h.Wake();

        Assert.Equal(10_000, h.SleptMs[0]); // the press woke it, not the timer
        Assert.Equal(new[] { true, false },
            h.Link.Events.Select(e => e.Value.GetProperty("pressed").GetBoolean()).ToArray());
        Assert.All(h.Link.Events, e => Assert.Equal("bell", e.Identifier));
    }

    [Fact]
    public void AnInputThatDoesNotChangeWhileAsleepLeavesTheTimerInCharge()
    {
        var h = BatteryEventTests.DoorHarness();
        h.WhileAsleep.Add((100_000, DoorPin, false)); // stays closed

        h.Wake(3);

        Assert.Equal(new long[] { 600_000, 600_000, 600_000 }, h.SleptMs);
        Assert.Empty(h.Link.Events);
        Assert.DoesNotContain(h.Log.Lines, l => l.Contains("(input "));
    }

    [Fact]
    public void WithoutAnInputOnAWakePinOnlyTheTimerWakesTheBoard()
    {
        var h = new BatteryHarness();

        h.Wake();

        Assert.Equal(-1, h.Sleep.RequestedWakePin);
        Assert.Contains(h.Log.Lines, l => l.EndsWith("deep sleep for 600 s"));
    }

    [Fact]
    public void InBatteryModeAnEventInputOnAPinThatCannotWakeTheChipIsAConfigurationError()
    {
        var config = new BatteryHarness(c => c.Inputs =
        [
            new InputConfig { Type = "contact", Pin = 5, Pull = "up", Identifier = "window" },
            new InputConfig { Type = "counter", Pin = 18, Pull = "up", Identifier = "pulses" },
        ]).Config;

        // The harness's config is not complete for the loader (no Wi-Fi, no I2C section): only the inputs' errors count.
        Assert.Equal(["inputs[0].pin: GPIO 5 cannot wake the chip from deep sleep (battery mode); use an RTC GPIO: 0, 2, 4, 12-15, 25-27, 32-39"],
            InputErrors(config));
        config.Battery.Enabled = false;
        Assert.Empty(InputErrors(config)); // always on: any input pin
    }

    private static string[] InputErrors(NodeConfig config)
    {
        var errors = ConfigValidator.Validate(config);
        return Enumerable.Range(0, errors.Count).Select(i => errors[i]).Where(e => e.StartsWith("inputs")).ToArray();
    }

    [Fact]
    public void TheSummaryNamesTheWakeInputAndThoseSeenOnlyWhileAwake()
    {
        var config = new BatteryHarness(c => c.Inputs =
        [
            new InputConfig { Type = "contact", Pin = DoorPin, Pull = "up", Identifier = "doorOpen" },
            new InputConfig { Type = "button", Pin = BellPin, Pull = "up", Identifier = "bell" },
        ]).Config;

        Assert.Empty(InputErrors(config));
        Assert.Contains(ConfigSummary.Describe(config),
            l => l.EndsWith("wakes on doorOpen (GPIO 27); bell only while awake"));
    }

    [Fact]
    public void AfterAnInputWakeUpReadingsWithoutTimeAreDroppedAsTheSleepLengthIsUnknown()
    {
        var h = BatteryEventTests.DoorHarness();
        h.Clock.IsUtcValid = false; // no SNTP: the readings are saved with their age only
        h.WhileAsleep.Add((50_000, DoorPin, true));
        h.Wake();
        Assert.True(h.Sleep.WokeByPin);
        h.Clock.IsUtcValid = true;

        h.Wake();

        Assert.Equal(2, h.File.UntimedDropped);
        Assert.Equal(0, h.File.Restored);
        Assert.Single(h.Link.Events); // the door's event of this boot goes out
    }
}
