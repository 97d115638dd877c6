using System.Linq;
using System.Text.Json.Nodes;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>The optional `battery` section: defaults, the host loader, validation paths and the boot summary.</summary>
public class BatteryConfigTests
{
    private static ConfigFile.Result WithBattery(string battery)
    {
        JsonNode root = JsonNode.Parse(System.IO.File.ReadAllText(RepoPaths.Of("nf-config.json")))!;
        root["battery"] = battery == null ? null : JsonNode.Parse(battery);
        return ConfigFile.Parse(root.ToJsonString());
    }

    private static string[] Errors(ConfigFile.Result r) => Enumerable.Range(0, r.Errors.Count).Select(i => r.Errors[i]).ToArray();

    [Fact]
    public void WithoutTheSectionTheNodeIsAlwaysOn()
    {
        var result = ConfigFile.Load(RepoPaths.Of("nf-config.json"));

        Assert.True(result.IsValid);
        Assert.False(result.Config.Battery.Enabled);
        Assert.Equal(600, result.Config.Battery.SleepSeconds);
        Assert.Equal(30, result.Config.Battery.AwakeLimitSeconds);
        Assert.Equal(12, result.Config.Battery.DiagnosticsEveryWakeups);
        Assert.Contains("battery: off (always on)", ConfigSummary.Describe(result.Config));
    }

    [Fact]
    public void TheHostLoaderReadsTheSectionAndTheSummaryShowsIt()
    {
        var result = WithBattery(@"{ ""enabled"": true, ""sleepSeconds"": 900, ""awakeLimitSeconds"": 45, ""diagnosticsEveryWakeups"": 0 }");

        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
        Assert.True(result.Config.Battery.Enabled);
        Assert.Equal(900, result.Config.Battery.SleepSeconds);
        Assert.Equal(45, result.Config.Battery.AwakeLimitSeconds);
        Assert.Contains(ConfigSummary.Describe(result.Config),
            l => l.StartsWith("battery: on, deep sleep 900s, awake at most 45s, diagnostics never"));
    }

    [Fact]
    public void AnUnknownKeyInTheSectionIsAnErrorWithItsPath()
    {
        var result = WithBattery(@"{ ""enabled"": true, ""sleepSecs"": 900 }");

        Assert.Contains(Errors(result), e => e.StartsWith("battery.sleepSecs: "));
    }

    [Theory]
    [InlineData(@"{ ""sleepSeconds"": 5 }", "battery.sleepSeconds: must be 10 to 86400")]
    [InlineData(@"{ ""sleepSeconds"": 86401 }", "battery.sleepSeconds: must be 10 to 86400")]
    [InlineData(@"{ ""awakeLimitSeconds"": 9 }", "battery.awakeLimitSeconds: must be 10 to 600")]
    [InlineData(@"{ ""awakeLimitSeconds"": 601 }", "battery.awakeLimitSeconds: must be 10 to 600")]
    [InlineData(@"{ ""diagnosticsEveryWakeups"": -1 }", "battery.diagnosticsEveryWakeups: must be 0 to 10000")]
    [InlineData("null", "battery: must be an object")]
    public void BadValuesAreReportedWithTheirPath(string battery, string expected)
    {
        var result = WithBattery(battery);

        Assert.False(result.IsValid);
        Assert.Contains(Errors(result), e => e.StartsWith(expected));
        Assert.Single(Errors(result));
    }
}
