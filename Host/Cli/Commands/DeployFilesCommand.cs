using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;

namespace OneNetFirmware.Cli.Commands
{
    /// <summary>
    /// `deploy-files --config nf-config.json [--ca onenet-ca.pem] [--port COM3] --out deploy.json`: validates the
    /// configuration and writes the file list for `nanoff --filedeployment` (docs/nanoframework.md#files-on-the-board), which copies the
    /// configuration to I:\nf-config.json and the CA certificate to the path the configuration names.
    /// </summary>
    public static class DeployFilesCommand
    {
        public const string ConfigDestination = "I:\\nf-config.json";

        public static int Execute(Arguments args, TextWriter stdout, TextWriter stderr)
        {
            string config = args.Option("config") ?? "nf-config.json";
            string ca = args.Option("ca");
            string port = args.Option("port");
            string output = args.Option("out") ?? throw new UsageException("--out is required (the JSON for nanoff --filedeployment)");
            args.RejectUnknown(maxPositional: 0);

            ConfigFile.Result result = ConfigFile.Load(config);
            if (!result.IsValid)
            {
                result.WriteErrors(config, stderr);
                return Program.Failed;
            }
            OneNetConfig onenet = result.Config.OneNet;
            if (ca != null)
            {
                string pem;
                try
                {
                    pem = File.ReadAllText(ca);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    stderr.WriteLine("error: cannot read " + ca + ": " + ex.Message);
                    return Program.Failed;
                }
                if (!PemText.IsCertificate(pem))
                {
                    stderr.WriteLine("error: " + ca + " is not a PEM certificate (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----)");
                    return Program.Failed;
                }
            }
            else if (onenet.Tls)
            {
                stderr.WriteLine("warning: onenet.tls is true but no --ca was given; the board must already hold " + onenet.CaCertificatePath);
            }

            File.WriteAllText(output, Render(Path.GetFullPath(config), ca == null ? null : Path.GetFullPath(ca), onenet.CaCertificatePath, port));
            stdout.WriteLine("wrote " + output + "; deploy with: nanoff --filedeployment " + output
                + (port == null ? " --serialport <PORT>" : ""));
            return Program.Ok;
        }

        /// <summary>The nanoff file-deployment JSON: optional SerialPort, then one entry per file.</summary>
        public static string Render(string configSource, string caSource, string caDestination, string serialPort)
        {
            var files = new List<Dictionary<string, string>>
            {
                new() { ["DestinationFilePath"] = ConfigDestination, ["SourceFilePath"] = configSource },
            };
            if (caSource != null)
            {
                files.Add(new() { ["DestinationFilePath"] = caDestination, ["SourceFilePath"] = caSource });
            }
            var root = new Dictionary<string, object>();
            if (serialPort != null)
            {
                root["SerialPort"] = serialPort;
            }
            root["Files"] = files;
            return JsonSerializer.Serialize(root, new JsonSerializerOptions { WriteIndented = true });
        }
    }
}
