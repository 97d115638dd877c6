using System.Linq;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>
/// Input events in battery mode: one not acknowledged by the deep sleep is saved in the outbox file with its time and
/// arrives on a later wake-up.
/// </summary>
public class BatteryEventTests
{
    internal const int DoorPin = 27;

    /// <summary>A battery node with a door contact (reed switch to ground, pull-up: closed = low) on GPIO27, closed.</summary>
    internal static BatteryHarness DoorHarness()
    {
        var h = new BatteryHarness(c => c.Inputs =
            [new InputConfig { Type = "contact", Pin = DoorPin, Pull = "up", Identifier = "doorOpen" }]);
        h.Pins[DoorPin] = false;
        return h;
    }

    [Fact]
    public void AnEventRaisedWhileOneNetIsUnreachableArrivesOnALaterWakeUpWithItsOriginalTime()
    {
        var h = DoorHarness();
        h.Faults.BrokerOutages.Add((0, long.MaxValue));
        (long From, long To) seen = (-1, -1);
        h.OnStep = (b, elapsed) =>
        {
            if (elapsed >= 5_000 && !b.Pins[DoorPin]) b.SetPin(DoorPin, true); // the door opens 5 s into the wake-up
            if (seen.From < 0 && b.Node.InputEvents.Raised > 0)
            {
                seen = (VirtualClock.UtcAt(b.Clock.NowMilliseconds - RuntimeDefaults.StepMilliseconds),
                    VirtualClock.UtcAt(b.Clock.NowMilliseconds));
            }
        };

        h.Wake();
        h.OnStep = null;
        Assert.True(h.Cycle.LimitReached);
        Assert.Equal(1, h.Node.InputEvents.Depth);
        Assert.Contains(h.Log.Lines, l => l.Contains("unacknowledged readings and 1 input events saved"));
        h.Wake(); // still down: the event is restored and saved again
        Assert.Equal(1, h.File.RestoredEvents);
        Assert.Empty(h.Link.Events);

        h.Faults.BrokerOutages.Clear();
        h.Wake();

        Assert.Contains(h.Log.Lines, l => l.Contains("saved readings restored and 1 input events"));
        var e = Assert.Single(h.Link.Events);
        Assert.Equal("doorOpen", e.Identifier);
        Assert.True(e.Value.GetProperty("open").GetBoolean());
        Assert.InRange(e.Time!.Value, seen.From, seen.To);
        Assert.Empty(h.Storage.Bytes); // everything acknowledged: no file
        Assert.Equal(0, h.Node.InputEvents.Raised); // the door stayed open: no new change at later boots
    }
}
