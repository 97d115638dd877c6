using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Emulator;

namespace OneNetFirmware.Cli.Commands
{
    /// <summary>
    /// `thing-model [--config nf-config.json] [--out FILE]`: writes the configuration's thing model in OneNET's import
    /// format (docs/thing-model.md) to FILE, or to stdout without --out.
    /// </summary>
    public static class ThingModelCommand
    {
        private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static int Execute(Arguments args, TextWriter stdout, TextWriter stderr)
        {
            string configPath = args.Option("config") ?? "nf-config.json";
            string outPath = args.Option("out");
            args.RejectUnknown(maxPositional: 0);
            ConfigFile.Result config = ConfigFile.Load(configPath);
            if (!config.IsValid)
            {
                config.WriteErrors(configPath, stderr);
                return Program.Failed;
            }
            string json = Text(config.Config);
            foreach (string id in NodeThingModel.For(config.Config).Identifiers)
            {
                // Configured identifiers are validated already; this catches the firmware's built-in ones.
                if (!OneNetFirmware.OneNet.Config.TextRules.IsIdentifier(id)) stderr.WriteLine(Warning(id));
            }
            if (outPath == null)
            {
                stdout.WriteLine(json);
                return Program.Ok;
            }
            try
            {
                File.WriteAllText(outPath, json + "\n");
            }
            catch (System.Exception ex) when (ex is IOException or System.UnauthorizedAccessException)
            {
                stderr.WriteLine("error: cannot write " + outPath + ": " + ex.Message);
                return Program.Failed;
            }
            stdout.WriteLine(outPath + ": thing model of product " + config.Config.OneNet.ProductId + " written; import it in the OneNET console (产品开发 → 物模型 → 导入)");
            return Program.Ok;
        }

        public static string Warning(string identifier) => "warning: identifier " + identifier
            + " breaks the documented rule (a letter, then letters, digits or _, at most 20 characters); the console may refuse the import";

        /// <summary>The model as the command writes it (UTF-8 text, unit names unescaped).</summary>
        public static string Text(OneNetFirmware.OneNet.Config.NodeConfig config) => NodeThingModel.Build(config).ToJsonString(Indented);
    }
}
