using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneNetFirmware.Cli;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>`run` with battery.enabled: wake-ups against the embedded emulator, the outbox file between them.</summary>
public class BatteryRunCommandTests
{
    [Fact]
    public void RunShowsTheWakeUpsAndPostsOnEach()
    {
        string dir = Directory.CreateTempSubdirectory("onenet-battery-run-").FullName;
        JsonNode root = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("nf-config.json")))!;
        root["battery"] = JsonNode.Parse(@"{ ""enabled"": true, ""sleepSeconds"": 10, ""awakeLimitSeconds"": 10 }");
        string config = Path.Combine(dir, "nf-config.json");
        File.WriteAllText(config, root.ToJsonString());
        string summary = Path.Combine(dir, "summary.json");
        string outbox = Path.Combine(dir, "outbox.bin");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        // Real time: a wake-up may stay awake 10 s and its sleep is simulated as 5 s, so the second wake-up's post is
        // certain only after ~17 s; 25 s leaves room for a machine busy with the rest of the suite.
        int code = Program.Run(new[] { "run", "--config", config, "--duration", "25s", "--summary", summary, "--plain",
            "--outbox-file", outbox }, stdout, stderr);

        Assert.True(code == Program.Ok, stderr.ToString());
        string log = stderr.ToString();
        Assert.Contains("battery: on, deep sleep 10s, awake at most 10s", log);
        Assert.Contains("battery: wake-up 1 (power-on or reset)", log);
        Assert.Matches(@"battery: wake-up 2 \((timer|input doorOpen on GPIO 27)\)", log); // the simulated door may wake it first
        Assert.Contains("; deep sleep for 10 s", log);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(summary));
        Assert.True(doc.RootElement.GetProperty("acknowledged").GetInt32() >= 2, File.ReadAllText(summary));
        Assert.True(doc.RootElement.GetProperty("connects").GetInt32() >= 2, File.ReadAllText(summary) + log);
        Assert.DoesNotContain("not-a-real-password", stdout.ToString() + log);
    }
}
