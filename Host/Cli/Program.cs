using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using OneNetFirmware.Cli.Commands;

namespace OneNetFirmware.Cli
{
    /// <summary>Entry point: `onenet-node COMMAND [options]`. Exit codes: 0 success, 1 the work failed, 2 bad usage.</summary>
    public static class Program
    {
        public const int Ok = 0;
        public const int Failed = 1;
        public const int Usage = 2;

        public static int Main(string[] args)
        {
            return Run(args, Console.Out, Console.Error);
        }

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help")
            {
                stdout.WriteLine(HelpText);
                return args.Length == 0 ? Usage : Ok;
            }
            if (args.Skip(1).Any(a => a == "--help" || a == "-h"))
            {
                string usage = CommandHelp(args[0]);
                if (usage == null)
                {
                    stderr.WriteLine("error: unknown command '" + args[0] + "'; see --help");
                    return Usage;
                }
                stdout.WriteLine(usage);
                return Ok;
            }
            var rest = new Arguments(args, 1);
            try
            {
                switch (args[0])
                {
                    case "run":
                        return RunUntilCtrlC(stop => RunCommand.Execute(rest, stdout, stderr, stop));
                    case "token":
                        return TokenCommand.Execute(rest, stdout, stderr, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

                    case "emulator":
                        return RunUntilCtrlC(stop => EmulatorCommand.Execute(rest, stdout, stderr, stop));

                    case "thing-model":
                        return ThingModelCommand.Execute(rest, stdout, stderr);
                    case "deploy-files":
                        return DeployFilesCommand.Execute(rest, stdout, stderr);
                    case "embed-config":
                        return EmbedConfigCommand.Execute(rest, stdout, stderr);
                    case "config":
                        if (args.Length > 1 && args[1] == "check")
                        {
                            return ConfigCheckCommand.Execute(new Arguments(args, 2), stdout, stderr);
                        }
                        stderr.WriteLine("error: unknown config command; use `config check [FILE]`");
                        return Usage;
                    default:
                        stderr.WriteLine("error: unknown command '" + args[0] + "'; see --help");
                        return Usage;
                }
            }
            catch (UsageException ex)
            {
                stderr.WriteLine("error: " + ex.Message);
                return Usage;
            }
        }

        /// <summary>Ctrl+C (SIGINT) and SIGTERM cancel the token instead of killing the process, so the command stops cleanly.</summary>
        private static int RunUntilCtrlC(Func<CancellationToken, int> command)
        {
            using var stop = new CancellationTokenSource();
            Action<PosixSignalContext> handler = context =>
            {
                context.Cancel = true;
                stop.Cancel();
            };
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, handler);
            using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, handler);
            return command(stop.Token);
        }

        /// <summary>Each command's usage, in the order --help lists them (first line: the command and its options).</summary>
        private static readonly string[][] Commands =
        {
            new[] { "run", @"  run [--config nf-config.json] [--broker mqtt://host:port|mqtts://host:port] [--duration 60s] [--summary FILE] [--plain]
                                           run the node on this machine (simulated sensors, embedded OneNET emulator)" },
            new[] { "emulator", @"  emulator [--port 1883] [--config nf-config.json] [--devices FILE] [--thing-model FILE]
           [--tls-cert PFX] [--tls-port 8883] [--http-port 8080] [--bind 127.0.0.1] [--http-bind 127.0.0.1] [--ban-seconds 300]
                                           a local OneNET (MQTT broker + web console and operator API) until Ctrl+C;
                                           MQTT listens on loopback only unless --bind names another address (e.g. 0.0.0.0),
                                           the console on loopback only unless --http-bind does (writes then need its token);
                                           checks posts against --thing-model, else the model of --config" },
            new[] { "thing-model", @"  thing-model [--config nf-config.json] [--out model.json]
                                           write the configuration's thing model in OneNET's import format (stdout without --out)" },
            new[] { "config", @"  config check [FILE]                      validate a configuration (default nf-config.json); prints every bad field" },
            new[] { "token", @"  token --product P [--device D] --key K [--method md5|sha1|sha256] (--et UNIX | --valid-for 30d)
                                           print a OneNET MQTT password (no --device: product-level res)" },
            new[] { "deploy-files", @"  deploy-files --config FILE [--ca PEM] [--port PORT] --out deploy.json
                                           validate, then write the file list for `nanoff --filedeployment deploy.json`
                                           (config to I:\nf-config.json, CA to onenet.caCertificatePath)" },
            new[] { "embed-config", @"  embed-config [--config FILE] [--out Firmware/Device/EmbeddedConfig.cs]
                                           regenerate the configuration built into the firmware (used without I:\nf-config.json)" },
        };

        /// <summary>Every command name, for tests and the help text.</summary>
        public static string[] CommandNames => Commands.Select(c => c[0]).ToArray();

        /// <summary>`COMMAND --help`: the command's usage, or null for an unknown command.</summary>
        public static string CommandHelp(string command)
        {
            string[] entry = Commands.FirstOrDefault(c => c[0] == command);
            return entry == null ? null : "usage: onenet-node\n" + entry[1] + "\n\nExit codes: 0 success, 1 failure, 2 bad usage.";
        }

        public static readonly string HelpText = "onenet-node — OneNetFirmware on the host\n\n"
            + string.Join("\n", Commands.Select(c => c[1]))
            + "\n\n`onenet-node COMMAND --help` shows one command.\nExit codes: 0 success, 1 failure (e.g. invalid configuration), 2 bad usage.";
    }
}
