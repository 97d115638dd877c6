using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.Runtime;
using Spectre.Console;
using Spectre.Console.Rendering;

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
            AnsiConsole.Live(Render(AnsiConsole.Profile.Width, AnsiConsole.Profile.Height)).Start(context =>
            {
                while (!stop.WaitHandle.WaitOne(500))
                {
                    context.UpdateTarget(Render(AnsiConsole.Profile.Width, AnsiConsole.Profile.Height));
                }
                context.UpdateTarget(Render(AnsiConsole.Profile.Width, AnsiConsole.Profile.Height));
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

        /// <summary>
        /// The live view for a terminal of width × height: the connection state first, one line of counts, the values
        /// packed several to a line, the diagnostics as one summary line, then the downlinks, events and log. Each
        /// section gets its smallest size in order of importance and then what is left, so a small terminal loses
        /// the log first and never the state line or the downlinks; nothing is taller or wider than the terminal.
        /// </summary>
        public IRenderable Render(int width, int height)
        {
            width = Math.Max(width, 20);
            int inner = width - 4; // a panel's border and padding
            KeyValuePair<string, string>[] values = _link.LatestValues();
            string[] valueLines = Pack(values.Where(v => !IsDiagnostic(v.Key)).Select(v => v.Key + " " + v.Value), inner);
            string diagnostics = "diagnostics: " + (values.Any(v => IsDiagnostic(v.Key))
                ? string.Join(" ", values.Where(v => IsDiagnostic(v.Key)).Select(v => v.Key.Substring("diag_".Length) + "=" + v.Value))
                : "none posted yet");
            string[] downlinks = _link.RecentDownlinkLines();
            string[] events = _link.RecentEventLines();
            string[] log = _log.Lines();

            // Display order; priority 0 is kept longest. Panels need two rows for their border.
            var sections = new[]
            {
                new Section(0, 1, 1, rows => Line(StateLine(), width, markup: true)),
                new Section(3, 1, 1, rows => Line(Counts(), width)),
                new Section(2, 3, 2 + Math.Max(1, valueLines.Length), rows => Box("values", valueLines, rows, inner, "no values posted yet", newest: false)),
                new Section(4, 1, 1, rows => Line(diagnostics, width)),
                new Section(1, 3, 2 + Math.Max(1, downlinks.Length), rows => Box("downlinks", downlinks, rows, inner, "none yet: set a property from the console")),
                new Section(5, 3, 2 + Math.Max(1, events.Length), rows => Box("events", events, rows, inner, "none yet")),
                new Section(6, 3, 2 + Math.Max(1, log.Length), rows => Box("log", log, rows, inner, "")),
                new Section(7, 1, 1, rows => Line("Ctrl+C stops the node", width)),
            };
            int left = Math.Max(height, 1);
            foreach (Section section in sections.OrderBy(x => x.Priority))
            {
                if (section.Min <= left) left -= section.Rows = section.Min;
            }
            foreach (Section section in sections.OrderBy(x => x.Priority))
            {
                if (section.Rows == 0) continue;
                int more = Math.Min(left, section.Desired - section.Rows);
                section.Rows += more;
                left -= more;
            }
            return new Rows(sections.Where(x => x.Rows > 0).Select(x => x.Render(x.Rows)));
        }

        private sealed class Section
        {
            public Section(int priority, int min, int desired, Func<int, IRenderable> render)
            {
                Priority = priority;
                Min = min;
                Desired = desired;
                Render = render;
            }

            public int Priority { get; }
            public int Min { get; }
            public int Desired { get; }
            public Func<int, IRenderable> Render { get; }
            public int Rows { get; set; }
        }

        private string StateLine()
        {
            bool online = _node.Supervisor.IsOnline;
            string console = _emulator?.ConsoleUrl;
            return (online ? "[green]● online[/]" : "[red]○ " + Markup.Escape(_node.Supervisor.State.ToString()) + "[/]")
                + "  t=" + (_clock.NowMilliseconds / 1000) + "s  connects " + _link.Connects
                + (console != null ? "  console " + Markup.Escape(console) : "");
        }

        private string Counts()
        {
            return "posts " + _link.PropertyPosts + "/" + _link.RepliesOk + " ok" + (_link.RepliesFailed > 0 ? " " + _link.RepliesFailed + " rejected" : "")
                + " · history " + _link.HistoryPosts
                + " · events " + _link.EventPosts + "/" + _node.InputEvents.Acknowledged + (_node.InputEvents.Dropped > 0 ? " (" + _node.InputEvents.Dropped + " dropped)" : "")
                + " · outbox " + _node.Outbox.Depth + " (" + _node.Outbox.Dropped + " dropped)"
                + " · auth failures " + _node.Counters.AuthFailures
                + (_emulator != null ? " · emulator accepted " + _emulator.AcceptedPosts.Count : "");
        }

        private static bool IsDiagnostic(string identifier) => identifier.StartsWith("diag_", StringComparison.Ordinal);

        /// <summary>Items side by side, separated by three spaces, as many to a line as fit.</summary>
        private static string[] Pack(IEnumerable<string> items, int width)
        {
            var lines = new List<string>();
            string line = "";
            foreach (string item in items)
            {
                if (line.Length > 0 && line.Length + 3 + item.Length > width)
                {
                    lines.Add(line);
                    line = "";
                }
                line += (line.Length > 0 ? "   " : "") + item;
            }
            if (line.Length > 0) lines.Add(line);
            return lines.ToArray();
        }

        private static IRenderable Line(string text, int width, bool markup = false)
        {
            return markup ? new Markup(text).Overflow(Overflow.Ellipsis) : new Text(Fit(text, width)) { Overflow = Overflow.Ellipsis };
        }

        /// <summary>A titled panel of the lines that fit in rows (border included; the newest, or the first), each cut to the width.</summary>
        private static IRenderable Box(string title, string[] lines, int rows, int inner, string empty, bool newest = true)
        {
            string[] shown = lines.Length == 0 ? new[] { empty }
                : newest ? lines.Skip(Math.Max(0, lines.Length - (rows - 2))).ToArray() : lines.Take(rows - 2).ToArray();
            var text = new Text(string.Join("\n", shown.Select(l => Fit(l, inner)))) { Overflow = Overflow.Ellipsis };
            return new Panel(text) { Header = new PanelHeader(title), Border = BoxBorder.Rounded, Expand = true };
        }

        private static string Fit(string text, int width) => text.Length <= width ? text : text.Substring(0, Math.Max(0, width - 1)) + "…";
    }
}
