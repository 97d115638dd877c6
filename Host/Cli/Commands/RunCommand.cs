using System.IO;
using OneNetFirmware.Config;
using OneNetFirmware.Host.Config;

namespace OneNetFirmware.Cli.Commands
{
    /// <summary>`run`: loads and validates the configuration and prints it (secrets masked). The node itself is wired in later.</summary>
    public static class RunCommand
    {
        public static int Execute(Arguments args, TextWriter stdout, TextWriter stderr)
        {
            string path = args.Option("config") ?? "nf-config.json";
            args.RejectUnknown(maxPositional: 0);
            ConfigFile.Result result = ConfigFile.Load(path);
            if (!result.IsValid)
            {
                for (int i = 0; i < result.Errors.Count; i++)
                {
                    stderr.WriteLine(path + ": " + result.Errors[i]);
                }
                return Program.Failed;
            }
            stdout.WriteLine("loaded " + path);
            foreach (string line in ConfigSummary.Describe(result.Config))
            {
                stdout.WriteLine(line);
            }
            return Program.Ok;
        }
    }
}
