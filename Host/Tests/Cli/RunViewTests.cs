using System;
using System.IO;
using System.Linq;
using System.Text;
using OneNetFirmware.Cli;
using OneNetFirmware.Cli.Commands;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using Spectre.Console;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli;

/// <summary>`run`'s live view drawn into terminals of fixed sizes: the state line and the downlink panel always fit.</summary>
public class RunViewTests
{
    /// <summary>An inner link that takes every publish, so MonitoredLink records what the node would have sent.</summary>
    private sealed class AcceptingLink : IMqttLink
    {
        public void SetListener(IMqttLinkListener listener)
        {
        }

        public int Connect(MqttConnectOptions options) => ConnectResult.Accepted;

        public bool Subscribe(string[] topicFilters) => true;

        public bool Publish(string topic, byte[] payload, int count, int qos) => true;

        public bool IsConnected => true;

        public void Disconnect()
        {
        }
    }

    private static (RunView View, NodeRuntime Node) BusyView()
    {
        ConfigFile.Result loaded = ConfigFile.Load(RepoPaths.Of("nf-config.json"));
        Assert.True(loaded.IsValid);
        NodeConfig config = loaded.Config;
        var clock = new VirtualClock();
        var log = new RecentLog(null);
        var link = new MonitoredLink(new AcceptingLink());
        NodeRuntime node = RunCommand.BuildNode(config, null, link, clock, new HostBoard(), log, new SimulatedWorld(config, clock), new SeededRandom(1));
        // A full screen's worth: a long log, many values and diagnostics, events and downlinks.
        for (int i = 0; i < 20; i++) log.Info("line " + i + " of a long log that is wider than any terminal it is shown in, to be cut at the edge of the panel");
        Publish(link, "property/post", "{\"id\":\"1\",\"params\":{" + string.Join(",", Enumerable.Range(0, 12).Select(i => "\"value" + i + "\":{\"value\":" + (i * 11.5) + "}"))
            + "," + string.Join(",", Enumerable.Range(0, 16).Select(i => "\"diag_counter" + i + "\":{\"value\":" + i + "}")) + "}}");
        for (int i = 0; i < 4; i++) Publish(link, "event/post", "{\"id\":\"2\",\"params\":{\"doorOpen\":{\"value\":{\"open\":true},\"time\":1800000000000}}}");
        for (int i = 0; i < 6; i++) link.OnMessage("$sys/FakeProd01/node-01/thing/property/set", Encoding.UTF8.GetBytes("{\"id\":\"" + i + "\",\"version\":\"1.0\",\"params\":{\"relay1\":true}}"));
        return (new RunView(node, link, null, log, clock), node);
    }

    private static void Publish(MonitoredLink link, string kind, string json) =>
        Assert.True(link.Publish("$sys/FakeProd01/node-01/thing/" + kind, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetByteCount(json), 0));

    private static string[] Draw(RunView view, int width, int height)
    {
        var output = new StringWriter();
        IAnsiConsole terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        terminal.Profile.Width = width;
        terminal.Profile.Height = height;
        terminal.Write(view.Render(width, height));
        return output.ToString().TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Theory]
    [InlineData(150, 50)]
    [InlineData(100, 30)]
    [InlineData(80, 24)]
    [InlineData(60, 12)]
    public void TheStateLineAndTheDownlinksFitTheTerminal(int width, int height)
    {
        (RunView view, NodeRuntime node) = BusyView();

        string[] lines = Draw(view, width, height);

        Assert.True(lines.Length <= height, lines.Length + " lines for a terminal of " + height + ":\n" + string.Join("\n", lines));
        Assert.All(lines, l => Assert.True(l.Length <= width, "wider than " + width + ": " + l));
        Assert.Contains(node.Supervisor.State.ToString(), lines[0]);
        int panel = Array.FindIndex(lines, l => l.Contains("downlinks"));
        Assert.True(panel > 0, "no downlink panel:\n" + string.Join("\n", lines));
        Assert.Contains("property/set", lines[panel + 1]);
        Assert.True(lines[panel + 1].Length >= width - 1, "the downlink panel is squeezed: " + lines[panel + 1]);
        Assert.DoesNotContain(lines, l => l.Contains("diag_counter"));
        Assert.Contains(lines, l => l.StartsWith("diagnostics: counter0=0", StringComparison.Ordinal) || height < 12);
    }

    [Fact]
    public void AtFullSizeTheLogAndEventsShowToo()
    {
        (RunView view, _) = BusyView();

        string[] lines = Draw(view, 100, 30);

        Assert.Contains(lines, l => l.Contains("events"));
        Assert.Contains(lines, l => l.Contains("doorOpen"));
        Assert.Contains(lines, l => l.Contains("line 19 of a long log"));
        Assert.Contains(lines, l => l.Contains("value11 126.5"));
    }
}
