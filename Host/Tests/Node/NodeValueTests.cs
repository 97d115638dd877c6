using System.Linq;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.OneNet;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// What the NodeBuilder node writes and accepts, end to end against the scripted OneNET: counter totals as decimal
/// numbers (live post and history back-fill), quoted numbers and bools in a set, and identifiers that keep the one rule.
/// </summary>
public class NodeValueTests
{
    private const int CounterPin = 26;
    private const int DoorPin = 27;

    private static void Pulse(NodeHarness h, int pulses)
    {
        for (int i = 0; i < pulses; i++)
        {
            h.Gpio.Set(CounterPin, false);
            h.Gpio.Set(CounterPin, true);
        }
    }

    [Fact]
    public void AFractionalCounterTotalKeepsItsDecimalsLiveAndInTheBackFill()
    {
        var h = new NodeHarness(c => c.Inputs =
            [new InputConfig { Type = "counter", Pin = CounterPin, Identifier = "rain", RateIdentifier = "rain_rate", Scale = 0.2794 }]);
        h.RunUntil(30_000);
        Pulse(h, 3);
        h.RunFor(120_000);

        // 3 × 0.2794 mm = 0.8382: 0.84 with the default 2 decimals (it was posted as 0 before).
        var live = h.Link.Points.Where(p => p.Identifier == "rain" && p.Topic == "property/post").ToList();
        Assert.Equal(0.84, live[^1].Value);
        Assert.Contains(h.Link.Points, p => p.Identifier == "rain_rate" && p.Value > 0 && p.Value != System.Math.Floor(p.Value));

        // Offline: the totals wait in the outbox and go out with history/post once the broker is back.
        long now = h.Clock.NowMilliseconds;
        h.Faults.BrokerOutages.Add((now, now + 300_000));
        h.RunFor(30_000);
        Pulse(h, 3);
        h.RunFor(900_000);
        Assert.True(h.Node.Supervisor.Sessions >= 2);

        var backFilled = h.Link.Points.Where(p => p.Identifier == "rain" && p.Topic == "history/post").ToList();
        Assert.NotEmpty(backFilled);
        Assert.Contains(backFilled, p => p.Value == 1.68); // 6 × 0.2794 = 1.6764
        Assert.All(h.Link.Points.Where(p => p.Identifier == "rain"), p => Assert.Contains(p.Value, new[] { 0, 0.84, 1.68 }));
        Assert.Equal(0, h.Node.Outbox.Depth);
    }

    [Fact]
    public void TheCounterDecimalsComeFromItsConfiguration()
    {
        var h = new NodeHarness(c => c.Inputs =
            [new InputConfig { Type = "counter", Pin = CounterPin, Identifier = "rain", Scale = 0.2794, Decimals = 3 }]);
        h.RunUntil(30_000);
        Pulse(h, 3);
        h.RunFor(120_000);

        Assert.Equal(0.838, h.Link.Points.Last(p => p.Identifier == "rain").Value);
    }

    [Theory]
    [InlineData("{\"report_interval\":\"30\"}", ReplyCodes.Success)]
    [InlineData("{\"report_interval\":\"3e1\"}", ReplyCodes.Success)]
    [InlineData("{\"relay1\":\"true\"}", ReplyCodes.Success)]
    [InlineData("{\"report_interval\":\"30.5\"}", ReplyCodes.WrongType)]
    [InlineData("{\"report_interval\":\" 30\"}", ReplyCodes.WrongType)]
    [InlineData("{\"report_interval\":\"thirty\"}", ReplyCodes.WrongType)]
    [InlineData("{\"report_interval\":\"true\"}", ReplyCodes.WrongType)]
    [InlineData("{\"relay1\":\"1\"}", ReplyCodes.WrongType)]
    [InlineData("{\"relay1\":\"on\"}", ReplyCodes.WrongType)]
    [InlineData("{\"relay1\":\"TRUE\"}", ReplyCodes.WrongType)]
    public void ASetTakesAQuotedNumberOrBoolAndRefusesOtherText(string parameters, int code)
    {
        var h = new NodeHarness();
        h.RunUntil(30_000);

        var reply = h.Answer("property/set", "{\"id\":\"61\",\"version\":\"1.0\",\"params\":" + parameters + "}");

        Assert.Equal(code, reply.GetProperty("code").GetInt32());
        bool ok = code == ReplyCodes.Success;
        Assert.Equal(ok && parameters.Contains("report_interval") ? 30 : 10, h.Node.Settings.ReportIntervalSeconds);
        Assert.Equal(ok && parameters.Contains("relay1"), h.Gpio.Read(NodeHarness.RelayPin));
    }

    [Fact]
    public void EveryIdentifierTheNodePostsKeepsTheIdentifierRule()
    {
        var h = new NodeHarness(c =>
        {
            c.Node.DiagnosticsIntervalSeconds = 60;
            c.Inputs =
            [
                new InputConfig { Type = "counter", Pin = CounterPin, Identifier = "rain", RateIdentifier = "rain_rate", Scale = 0.2794 },
                new InputConfig { Type = "contact", Pin = DoorPin, Identifier = "door" },
            ];
        });
        h.Gpio.Set(DoorPin, true);
        h.RunUntil(30_000);
        Pulse(h, 2);
        h.Gpio.Set(DoorPin, false);
        h.RunFor(120_000);

        var identifiers = h.Link.Points.Select(p => p.Identifier)
            .Concat(h.Link.Events.Select(e => e.Identifier))
            .Concat(h.Link.Events.SelectMany(e => e.Value.EnumerateObject().Select(m => m.Name)))
            .Concat([DownlinkHandler.RebootService, DownlinkHandler.ReportNowService])
            .Distinct().ToList();
        Assert.All(identifiers, id => Assert.True(TextRules.IsIdentifier(id), id + " breaks [A-Za-z][A-Za-z0-9_]{0,19}"));
        // Every kind the firmware posts was there: diagnostics (all of them), sensors, the counter, the output, the event.
        var diagnostics = DiagnosticsIdentifiers.All
            .Concat(Enumerable.Range(0, h.Config.Sensors.Length).SelectMany(i => new[] { DiagnosticsIdentifiers.SensorFailuresOf(i), DiagnosticsIdentifiers.SensorStatusOf(i) }));
        Assert.Equal(diagnostics.OrderBy(x => x), identifiers.Where(i => i.StartsWith("diag_")).OrderBy(x => x));
        // …and every diagnostics identifier it posts is reserved, so the configuration cannot give it to a channel.
        Assert.All(diagnostics, id => Assert.True(OneNetFirmware.OneNet.Config.ReservedIdentifiers.IsReserved(id), id + " is not reserved"));
        Assert.Superset(new[] { "temperature", "humidity", "rain", "rain_rate", "relay1", "door", "open" }.ToHashSet(), identifiers.ToHashSet());
    }
}
