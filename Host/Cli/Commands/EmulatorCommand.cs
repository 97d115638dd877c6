using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Emulator;

namespace OneNetFirmware.Cli.Commands
{
    /// <summary>
    /// `emulator [--port 1883] [--config nf-config.json] [--devices FILE] [--thing-model FILE] [--tls-cert PFX]
    /// [--tls-port 8883] [--http-port 8080] [--bind 127.0.0.1] [--http-bind 127.0.0.1] [--ban-seconds 300]`: a local
    /// OneNET until Ctrl+C. The device of the configuration is registered. MQTT listens on loopback only (like
    /// Mosquitto 2) unless --bind names another address, e.g. 0.0.0.0 for a board on the LAN; the web console and
    /// operator API listen on --http-port, loopback unless --http-bind says otherwise (docs/console.md). Posts are
    /// checked against --thing-model, or else against the thing model of the configuration (the one `thing-model` writes).
    /// </summary>
    public static class EmulatorCommand
    {
        public static int Execute(Arguments args, TextWriter stdout, TextWriter stderr, CancellationToken stop)
        {
            string configPath = args.Option("config") ?? "nf-config.json";
            int port = Number(args, "port", 1883);
            int tlsPort = Number(args, "tls-port", 8883);
            int httpPort = Number(args, "http-port", 8080);
            int banSeconds = Number(args, "ban-seconds", 300);
            string devicesPath = args.Option("devices");
            string modelPath = args.Option("thing-model");
            string tlsCert = args.Option("tls-cert");
            string bind = args.Option("bind") ?? "127.0.0.1";
            string httpBind = args.Option("http-bind") ?? "127.0.0.1";
            args.RejectUnknown(maxPositional: 0);
            if (!IPAddress.TryParse(bind, out IPAddress address)) throw new UsageException("--bind needs an IP address");
            if (!IPAddress.TryParse(httpBind, out IPAddress httpAddress)) throw new UsageException("--http-bind needs an IP address");

            ConfigFile.Result config = ConfigFile.Load(configPath);
            if (!config.IsValid)
            {
                for (int i = 0; i < config.Errors.Count; i++) stderr.WriteLine(configPath + ": " + config.Errors[i]);
                return Program.Failed;
            }
            TextWriter log = TextWriter.Synchronized(stdout);
            OneNetConfig onenet = config.Config.OneNet;
            var options = new EmulatorOptions
            {
                BindAddress = address,
                Port = port,
                TlsPort = tlsPort,
                HttpPort = httpPort,
                HttpBindAddress = httpAddress,
                BanDuration = TimeSpan.FromSeconds(banSeconds),
                Log = line => log.WriteLine(DateTime.UtcNow.ToString("HH:mm:ss.fff") + " " + line),
            };
            options.Devices.Add(new RegisteredDevice(onenet.ProductId, onenet.DeviceName, onenet.DeviceKey));
            try
            {
                if (devicesPath != null) options.Devices.AddRange(DeviceRegistry.Load(devicesPath));
                options.ThingModel = modelPath != null ? ThingModel.Load(modelPath) : NodeThingModel.For(config.Config);
                if (tlsCert != null) options.TlsCertificate = X509CertificateLoader.LoadPkcs12FromFile(tlsCert, null);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException or CryptographicException)
            {
                stderr.WriteLine("error: " + ex.Message);
                return Program.Failed;
            }

            var emulator = new OneNetEmulator(options);
            try
            {
                emulator.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or HttpListenerException)
            {
                stderr.WriteLine("error: cannot listen: " + ex.Message);
                emulator.StopAsync().GetAwaiter().GetResult();
                return Program.Failed;
            }
            log.WriteLine("registered: " + options.Devices.Count + " device/product key(s); product " + onenet.ProductId + ", device " + onenet.DeviceName);
            log.WriteLine("thing model: " + (modelPath ?? "derived from " + configPath) + " (" + options.ThingModel.Properties.Length + " properties, "
                + options.ThingModel.Events.Length + " events, " + options.ThingModel.Services.Length + " services)");
            if (emulator.ConsoleUrl != null) log.WriteLine("console: " + emulator.ConsoleUrl);
            log.WriteLine(address.Equals(IPAddress.Loopback) || address.Equals(IPAddress.IPv6Loopback)
                ? "listening on this PC only; for a board on the LAN start with --bind 0.0.0.0 (or the PC's LAN address); Ctrl+C stops"
                : "point a board at this PC's LAN IP, port " + port + " (plain), with the same nf-config.json; Ctrl+C stops");
            stop.WaitHandle.WaitOne();
            emulator.StopAsync().GetAwaiter().GetResult();
            log.WriteLine("emulator stopped");
            return Program.Ok;
        }

        private static int Number(Arguments args, string name, int fallback)
        {
            string text = args.Option(name);
            if (text == null) return fallback;
            if (!int.TryParse(text, out int value) || value < 0 || value > 65535) throw new UsageException("--" + name + " needs a number 0–65535");
            return value;
        }
    }
}
