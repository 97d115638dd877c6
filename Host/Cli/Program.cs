using System;
using System.IO;
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
            var rest = new Arguments(args, 1);
            try
            {
                switch (args[0])
                {
                    case "run":
                        return RunCommand.Execute(rest, stdout, stderr);
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

        public const string HelpText =
@"onenet-node — OneNetFirmware on the host

  run [--config nf-config.json]            run the node on this machine (simulated sensors, embedded OneNET emulator)
  config check [FILE]                      validate a configuration (default nf-config.json); prints every bad field
  deploy-files --config FILE [--ca PEM] [--port PORT] --out deploy.json
                                           validate, then write the file list for `nanoff --filedeployment deploy.json`
                                           (config to I:\nf-config.json, CA to onenet.caCertificatePath)
  embed-config [--config FILE] [--out Firmware/Device/EmbeddedConfig.cs]
                                           regenerate the configuration built into the firmware (used without I:\nf-config.json)

Exit codes: 0 success, 1 failure (e.g. invalid configuration), 2 bad usage.";
    }
}
