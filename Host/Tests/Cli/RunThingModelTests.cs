using System.Linq;
using OneNetFirmware.Cli;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Emulator;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli;

/// <summary>The thing model `run` derives from the configuration for its emulator and console.</summary>
public class RunThingModelTests
{
    [Fact]
    public void TheExampleConfigurationsModelMatchesTheReadmesProductTable()
    {
        ConfigFile.Result loaded = ConfigFile.Load(RepoPaths.Of("nf-config.json"));

        ThingModel model = RunThingModel.FromConfig(loaded.Config);

        Assert.Equal("°C", model.Find("temperature").Unit);
        Assert.Equal("hPa", model.Find("pressure").Unit); // scale 0.01 turns Pa into hPa
        Assert.Equal("lx", model.Find("illuminance").Unit);
        Assert.False(model.Find("temperature").Writable);
        Assert.True(model.Find("relay1").Writable);
        Assert.Equal("bool", model.Find("relay1").Type);
        Assert.Equal(86400, model.Find("report_interval").Max);
        Assert.Equal("float", model.Find("rainRate").Type);
        Assert.Equal("string", model.Find("diag_reset").Type);
        ThingModel.Event door = Assert.Single(model.Events);
        Assert.Equal("doorOpen", door.Identifier);
        Assert.Equal("open", Assert.Single(door.Outputs).Identifier);
        Assert.Equal(new[] { "reboot", "report_now" }, model.Services.Select(s => s.Identifier));
        Assert.NotNull(model.CheckProperty("report_interval", System.Text.Json.JsonSerializer.SerializeToElement(0)));
    }
}
