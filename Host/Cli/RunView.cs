using System.Collections.Generic;
using System.IO;
using System.Threading;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Ports;
using OneNetFirmware.Runtime;
using Spectre.Console;

namespace OneNetFirmware.Cli
{
    /// <summary>What `run` shows while the node runs (a Spectre.Console live view, or status lines) and the final summary.</summary>
    public sealed class RunView
    {
        private readonly NodeRuntime _node;
        private readonly MonitoredLink _link;
        private readonly OneNetEmulator _emulator;
        private readonly RecentLog _log;
        private readonly IClock _clock;

        public RunView(NodeRuntime node, MonitoredLink link, OneNetEmulator emulator, RecentLog log, IClock clock)
        {
            _node = node;
            _link = link;
            _emulator = emulator;
            _log = log;
            _clock = clock;
        }

        public void ShowLive(CancellationToken stop)
        {
            AnsiConsole.Live(Render()).Start(context =>
            {
                while (!stop.WaitHandle.WaitOne(500))
                {
                    context.UpdateTarget(Render());
                }
                context.UpdateTarget(Render());
            });
        }

        public void PrintStatusLines(TextWriter output, CancellationToken stop)
        {
            while (!stop.WaitHandle.WaitOne(5000))
            {
                output.WriteLine(StatusLine());
            }
        }

        public string StatusLine()
        {
            return "t=" + (_clock.NowMilliseconds / 1000) + "s state=" + _node.Supervisor.State
                + " posts=" + _link.PropertyPosts + " history=" + _link.HistoryPosts + " acknowledged=" + _link.RepliesOk
                + " rejected=" + _link.RepliesFailed + " outbox=" + _node.Outbox.Depth + " dropped=" + _node.Outbox.Dropped
                + " events=" + _link.EventPosts + "/" + _node.InputEvents.Acknowledged + " connects=" + _link.Connects + " authFailures=" + _node.Counters.AuthFailures + " downlinks=" + _link.Downlinks;
        }

        public Dictionary<string, object> Summary()
        {
            return new Dictionary<string, object>
            {
                ["seconds"] = _clock.NowMilliseconds / 1000,
                ["valuesPosted"] = _link.ValuesPosted,
                ["propertyPosts"] = _link.PropertyPosts,
                ["historyPosts"] = _link.HistoryPosts,
                ["eventPosts"] = _link.EventPosts,
                ["eventsAcknowledged"] = _node.InputEvents.Acknowledged,
                ["eventsDropped"] = _node.InputEvents.Dropped,
                ["eventsRejected"] = _node.InputEvents.Rejected,
                ["acknowledged"] = _link.RepliesOk,
                ["rejected"] = _link.RepliesFailed,
                ["outboxDepth"] = _node.Outbox.Depth,
                ["dropped"] = _node.Outbox.Dropped,
                ["connects"] = _link.Connects,
                ["reconnects"] = _link.Connects > 0 ? _link.Connects - 1 : 0,
                ["connectRefusals"] = _link.ConnectRefusals,
                ["authFailures"] = _node.Counters.AuthFailures,
                ["sensorReadFailures"] = _node.Counters.SensorReadFailures,
                ["downlinks"] = _link.Downlinks,
                ["emulatorAcceptedPosts"] = _emulator?.AcceptedPosts.Count ?? -1,
            };
        }

        private Grid Render()
        {
            var status = new Table().Border(TableBorder.Rounded).Title("node").AddColumn("").AddColumn("");
            status.AddRow("state", Markup.Escape(_node.Supervisor.State.ToString()));
            status.AddRow("posts sent / acknowledged", _link.PropertyPosts + " / " + _link.RepliesOk + (_link.RepliesFailed > 0 ? " (" + _link.RepliesFailed + " rejected)" : ""));
            status.AddRow("history posts", _link.HistoryPosts.ToString());
            status.AddRow("event posts / acknowledged", _link.EventPosts + " / " + _node.InputEvents.Acknowledged
                + (_node.InputEvents.Dropped > 0 ? " (" + _node.InputEvents.Dropped + " dropped)" : ""));
            status.AddRow("outbox", _node.Outbox.Depth + " readings, " + _node.Outbox.Dropped + " dropped");
            status.AddRow("connects / auth failures", _link.Connects + " / " + _node.Counters.AuthFailures);
            if (_emulator != null) status.AddRow("emulator accepted", _emulator.AcceptedPosts.Count.ToString());

            var readings = new Table().Border(TableBorder.Rounded).Title("latest readings").AddColumn("identifier").AddColumn("value");
            foreach (KeyValuePair<string, string> value in _link.LatestValues())
            {
                readings.AddRow(Markup.Escape(value.Key), Markup.Escape(value.Value));
            }

            var downlinks = new Table().Border(TableBorder.Rounded).Title("recent downlinks").AddColumn("");
            foreach (string line in _link.RecentDownlinkLines()) downlinks.AddRow(Markup.Escape(line));

            var events = new Table().Border(TableBorder.Rounded).Title("recent events").AddColumn("");
            foreach (string line in _link.RecentEventLines()) events.AddRow(Markup.Escape(line));

            var log = new Table().Border(TableBorder.Rounded).Title("log").AddColumn("");
            foreach (string line in _log.Lines()) log.AddRow(Markup.Escape(line));

            var grid = new Grid().AddColumn();
            grid.AddRow(new Columns(status, readings));
            grid.AddRow(new Columns(events, downlinks));
            grid.AddRow(log);
            grid.AddRow(new Markup("[grey]Ctrl+C stops the node[/]"));
            return grid;
        }
    }
}
