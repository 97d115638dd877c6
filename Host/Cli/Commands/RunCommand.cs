using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Node;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Ports;

namespace OneNetFirmware.Cli.Commands
{
    /// <summary>
    /// `run [--config nf-config.json] [--broker mqtt://host:port|mqtts://host:port] [--duration 60s] [--summary FILE] [--plain]
    /// [--outbox-file FILE]`:
    /// the same portable runtime and drivers as the ESP32, on .NET, with simulated sensors, against the embedded OneNET
    /// emulator (default, with its web console; docs/console.md) or any broker. A live view on a terminal, status lines
    /// otherwise; Ctrl+C or --duration stops it.
    /// With battery.enabled it runs wake-ups instead (BatteryRun), keeping the outbox in --outbox-file between them.
    /// </summary>
    public static class RunCommand
    {
        public static int Execute(Arguments args, TextWriter stdout, TextWriter stderr, CancellationToken stop)
        {
            string path = args.Option("config") ?? "nf-config.json";
            string broker = args.Option("broker");
            string durationText = args.Option("duration");
            string summaryPath = args.Option("summary");
            bool plain = args.Flag("plain");
            string outboxPath = args.Option("outbox-file");
            args.RejectUnknown(maxPositional: 0);
            long durationSeconds = durationText == null ? 0 : Arguments.ParseDuration("duration", durationText);

            ConfigFile.Result loaded = ConfigFile.Load(path);
            if (!loaded.IsValid)
            {
                loaded.WriteErrors(path, stderr);
                return Program.Failed;
            }
            NodeConfig config = loaded.Config;
            bool live = !plain && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
            var log = new RecentLog(live ? null : stderr);

            OneNetEmulator emulator = null;
            string caPem = null;
            if (broker == null)
            {
                emulator = StartEmulator(config, log);
                stdout.WriteLine("console: " + emulator.ConsoleUrl + " (open it in a browser; it stays open while the node runs)");
            }
            else if (!PointAtBroker(config, broker, stderr, out caPem))
            {
                return Program.Usage;
            }

            if (config.Battery.Enabled)
            {
                // Wake-ups are a sequence of short-lived nodes: status lines and the log show them (no live view).
                if (live) log = new RecentLog(stderr);
                outboxPath ??= Path.Combine(Path.GetTempPath(), "onenet-outbox-" + config.OneNet.DeviceName + ".bin");
                return BatteryRun.Execute(config, caPem, emulator, log, stdout, stop, durationSeconds, summaryPath, outboxPath);
            }

            var clock = new SystemClock();
            var world = new SimulatedWorld(config, clock);
            var link = new MonitoredLink(new MqttNetLink());
            var board = new HostBoard();
            NodeRuntime node = BuildNode(config, caPem, link, clock, board, log, world, new SystemRandomSource(Environment.TickCount));

            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
            board.RebootRequested += () =>
            {
                log.Warn("the node asked the board to reboot; on the host that ends the run");
                stopping.Cancel();
            };
            if (durationSeconds > 0) stopping.CancelAfter(TimeSpan.FromSeconds(durationSeconds));

            foreach (string line in ConfigSummary.Describe(config)) log.Info(line);
            var supervisor = new Thread(() => StepUntil(stopping.Token, clock, () => node.Supervisor.Step(clock.NowMilliseconds))) { IsBackground = true, Name = "supervisor" };
            var mainLoop = new Thread(() => StepUntil(stopping.Token, clock, () =>
            {
                world.Update(clock.NowMilliseconds / 1000.0);
                node.Loop.Step(clock.NowMilliseconds);
            })) { IsBackground = true, Name = "main loop" };
            supervisor.Start();
            mainLoop.Start();

            var view = new RunView(node, link, emulator, log, clock);
            if (live) view.ShowLive(stopping.Token);
            else view.PrintStatusLines(stdout, stopping.Token);

            mainLoop.Join();
            supervisor.Join();
            link.Disconnect();
            emulator?.StopAsync().GetAwaiter().GetResult();
            stdout.WriteLine(view.StatusLine());
            WriteSummary(view, summaryPath);
            return Program.Ok;
        }

        /// <summary>
        /// run's node: the ESP32's composition (NodeBuilder) with the host adapters and the simulated world's sensors and
        /// GPIO; the always-on run, each battery wake-up and the run memory test build it here.
        /// </summary>
        public static NodeRuntime BuildNode(NodeConfig config, string caPem, MonitoredLink link, IClock clock, HostBoard board,
            ILog log, SimulatedWorld world, IRandomSource random)
        {
            NodeRuntime node = NodeBuilder.Build(config, new HostNetwork(), link, clock, board, log, new HmacSigner(),
                world.Sensors, world.Gpio, random);
            if (caPem != null) node.SetCaCertificate(caPem);
            return node;
        }

        /// <summary>--summary FILE: the run's counts as indented JSON (nothing without the option).</summary>
        internal static void WriteSummary(RunView view, string summaryPath)
        {
            if (summaryPath != null)
            {
                File.WriteAllText(summaryPath, JsonSerializer.Serialize(view.Summary(), new JsonSerializerOptions { WriteIndented = true }));
            }
        }

        private static void StepUntil(CancellationToken stop, SystemClock clock, Action step)
        {
            while (!stop.IsCancellationRequested)
            {
                step();
                clock.Sleep(RuntimeDefaults.StepMilliseconds);
            }
        }

        /// <summary>
        /// Starts the embedded OneNET emulator on free loopback ports, knowing the config's device and a thing model
        /// derived from the config (NodeThingModel, the one `thing-model` writes), with its web console; points the node at it.
        /// </summary>
        private static OneNetEmulator StartEmulator(NodeConfig config, RecentLog log)
        {
            int port = FreeLoopbackPort();
            var options = new EmulatorOptions
            {
                BindAddress = IPAddress.Loopback, Port = port, HttpPort = FreeLoopbackPort(), ThingModel = NodeThingModel.For(config),
                Log = line => log.Info("emulator: " + line),
            };
            options.Devices.Add(new RegisteredDevice(config.OneNet.ProductId, config.OneNet.DeviceName, config.OneNet.DeviceKey));
            var emulator = new OneNetEmulator(options);
            emulator.StartAsync().GetAwaiter().GetResult();
            config.OneNet.Host = "127.0.0.1";
            config.OneNet.Port = port;
            config.OneNet.Tls = false;
            log.Info("embedded OneNET emulator on 127.0.0.1:" + port + "; console " + emulator.ConsoleUrl);
            return emulator;
        }

        private static int FreeLoopbackPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        /// <summary>--broker mqtt://host:port or mqtts://host:port (TLS trusts the CA at onenet.caCertificatePath).</summary>
        private static bool PointAtBroker(NodeConfig config, string broker, TextWriter stderr, out string caPem)
        {
            caPem = null;
            if (!Uri.TryCreate(broker, UriKind.Absolute, out Uri uri) || (uri.Scheme != "mqtt" && uri.Scheme != "mqtts") || uri.Host.Length == 0)
            {
                stderr.WriteLine("error: --broker must look like mqtt://host:1883 or mqtts://host:8883");
                return false;
            }
            bool tls = uri.Scheme == "mqtts";
            config.OneNet.Host = uri.Host;
            config.OneNet.Port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 8883 : 1883) : uri.Port;
            config.OneNet.Tls = tls;
            if (tls)
            {
                string caPath = config.OneNet.CaCertificatePath;
                if (caPath == null || !File.Exists(caPath) || !PemText.IsCertificate(caPem = File.ReadAllText(caPath)))
                {
                    stderr.WriteLine("error: mqtts needs the broker's CA certificate (PEM) at onenet.caCertificatePath ('" + caPath + "')");
                    return false;
                }
            }
            return true;
        }
    }
}
