using System;
using System.IO;
using nanoFramework.Json;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Device
{
    /// <summary>
    /// Reads the node configuration on the ESP32: I:\nf-config.json (put there with `deploy-files` + nanoff
    /// --filedeployment), else the nf-config.json embedded at build time (EmbeddedConfig), parsed with nanoFramework.Json
    /// (docs/nanoframework.md#nanoframeworkjson) and validated with the portable ConfigValidator. The node refuses to start on an invalid file.
    /// </summary>
    public static class DeviceConfigLoader
    {
        public const string ConfigPath = "I:\\nf-config.json";

        /// <summary>The valid configuration, or null after logging every problem (with its path).</summary>
        public static NodeConfig Load(ILog log)
        {
            string source = ConfigPath;
            string json;
            try
            {
                if (File.Exists(ConfigPath))
                {
                    json = File.ReadAllText(ConfigPath);
                }
                else
                {
                    source = "embedded nf-config.json";
                    json = EmbeddedConfig.Json;
                }
            }
            catch (Exception ex)
            {
                log.Error("config: cannot read " + ConfigPath + ": " + ex.Message);
                return null;
            }
            return Parse(json, source, log);
        }

        public static NodeConfig Parse(string json, string source, ILog log)
        {
            NodeConfig config;
            try
            {
                JsonSerializerOptions options = new JsonSerializerOptions();
                options.PropertyNameCaseInsensitive = true;
                config = (NodeConfig)JsonConvert.DeserializeObject(json, typeof(NodeConfig), options);
            }
            catch (Exception ex)
            {
                log.Error("config: " + source + " is not valid JSON for the node: " + ex.Message);
                return null;
            }
            if (config == null)
            {
                log.Error("config: " + source + " is empty");
                return null;
            }
            ConfigErrors errors = ConfigValidator.Validate(config);
            if (!errors.IsEmpty)
            {
                log.Error("config: " + source + ": " + errors.Count.ToString() + " problem(s); the node will not start");
                for (int i = 0; i < errors.Count; i++)
                {
                    log.Error("  " + errors[i]);
                }
                return null;
            }
            log.Info("config: loaded " + source);
            return config;
        }

        /// <summary>
        /// The OneNET CA certificate PEM from onenet.caCertificatePath when TLS is on; null when TLS is off, or after
        /// logging why it is missing or not a PEM certificate.
        /// </summary>
        public static string LoadCaCertificate(OneNetConfig onenet, ILog log)
        {
            if (!onenet.Tls)
            {
                return null;
            }
            string path = onenet.CaCertificatePath;
            try
            {
                if (!File.Exists(path))
                {
                    log.Error("config: TLS is on but the CA certificate " + path + " is not on the board (see deploy-files)");
                    return null;
                }
                string pem = File.ReadAllText(path);
                if (!PemText.IsCertificate(pem))
                {
                    log.Error("config: " + path + " is not a PEM certificate");
                    return null;
                }
                return pem;
            }
            catch (Exception ex)
            {
                log.Error("config: cannot read " + path + ": " + ex.Message);
                return null;
            }
        }
    }
}
