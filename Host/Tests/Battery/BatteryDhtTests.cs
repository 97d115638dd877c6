using System.Linq;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Chips;
using OneNetFirmware.Drivers.Chips.Dht;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>
/// A wake-up samples each sensor once, right after initialising it: a DHT must take its one measurement then (its
/// Initialize takes none), or battery mode never posts it.
/// </summary>
public class BatteryDhtTests
{
    private static void AddDht22(NodeConfig config) => config.Sensors =
    [
        .. config.Sensors,
        new SensorConfig
        {
            Type = DhtDriver.Dht22TypeName, Pin = 4, TriggerPin = 5, IntervalSeconds = 10,
            Channels =
            [
                new ChannelConfig { Quantity = Quantity.Temperature, Identifier = "outdoorTemp", Decimals = 1 },
                new ChannelConfig { Quantity = Quantity.Humidity, Identifier = "outdoorHumidity", Decimals = 1 },
            ],
        },
    ];

    [Fact]
    public void EachBatteryWakeUpPostsTheDhtValues()
    {
        var h = new BatteryHarness(AddDht22);

        h.Wake(3);

        Assert.Equal(3, h.Dht.Measurements); // one measurement per wake-up, none spent by Initialize
        Assert.Equal([12.5, 12.5, 12.5], h.Link.Points.Where(p => p.Identifier == "outdoorTemp").Select(p => p.Value));
        Assert.Equal([70.0, 70.0, 70.0], h.Link.Points.Where(p => p.Identifier == "outdoorHumidity").Select(p => p.Value));
    }

    [Fact]
    public void AWakeUpWhoseDhtThrowsStillPostsTheOtherSensorsAndSleeps()
    {
        var h = new BatteryHarness(AddDht22);
        h.Dht.MeasureThrows = true;

        h.Wake(1);

        Assert.DoesNotContain(h.Link.Points, p => p.Identifier == "outdoorTemp");
        Assert.Single(h.Temperatures());
        Assert.False(h.Cycle.LimitReached);
        Assert.Equal(2, h.Node.Counters.SensorReadFailures); // both of its channels
    }
}
