using System.IO;
using OneNetFirmware.Host.Config;

namespace OneNetFirmware.Cli.Commands
{
    /// <summary>`config check [FILE]`: validates a configuration and prints the path of every bad field.</summary>
    public static class ConfigCheckCommand
    {
        public static int Execute(Arguments args, TextWriter stdout, TextWriter stderr)
        {
            args.RejectUnknown(maxPositional: 1);
            string path = args.Positional.Count > 0 ? args.Positional[0] : "nf-config.json";
            ConfigFile.Result result = ConfigFile.Load(path);
            if (!result.IsValid)
            {
                result.WriteErrors(path, stderr);
                return Program.Failed;
            }
            stdout.WriteLine(path + ": OK");
            return Program.Ok;
        }
    }
}
