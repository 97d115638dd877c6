using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace OneNetFirmware.Host.Emulator.WebConsole
{
    /// <summary>
    /// The web console's side of the emulator's HTTP port (docs/console.md): the page and its assets (embedded
    /// resources, nothing from a CDN), two read endpoints the page polls, the thing-model download, and the token
    /// check that guards every POST when the port is bound to more than loopback.
    ///   GET /                                        the page
    ///   GET /console/assets/{file}                   its script, styles and uPlot
    ///   GET /console/api/devices                     every device: online, last seen, connects, kicks, bans, refusals
    ///   GET /console/api/devices/{pid}/{dev}         one device: model, values with history, events, downlinks
    ///   GET /console/api/thing-model?productId=P     the thing model file in OneNET's import format (a download)
    /// Commands go to the operator API (OperatorHttpApi), which the page calls like curl does.
    /// </summary>
    public sealed class ConsoleEndpoints
    {
        private const string AssetPrefix = "OneNetFirmware.Host.Emulator.Console.Assets.";
        private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
        {
            [".html"] = "text/html; charset=utf-8",
            [".js"] = "text/javascript; charset=utf-8",
            [".css"] = "text/css; charset=utf-8",
        };

        private readonly OneNetEmulator _emulator;
        private readonly string _token;

        public ConsoleEndpoints(OneNetEmulator emulator, int port, IPAddress bind)
        {
            _emulator = emulator;
            bool loopback = IPAddress.IsLoopback(bind);
            if (loopback)
            {
                // Both names, because HttpListener matches the request's Host header.
                ListenerPrefixes = new[] { "http://127.0.0.1:" + port + "/", "http://localhost:" + port + "/" };
                Url = "http://127.0.0.1:" + port + "/";
            }
            else
            {
                _token = emulator.Options.ConsoleToken ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                bool any = bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any);
                ListenerPrefixes = new[] { any ? "http://*:" + port + "/" : "http://" + HostText(bind) + ":" + port + "/" };
                Url = "http://" + (any ? "127.0.0.1" : HostText(bind)) + ":" + port + "/?token=" + _token;
            }
        }

        public string[] ListenerPrefixes { get; }

        /// <summary>The console's address; carries ?token=… when writes need one (the page sends it with every POST).</summary>
        public string Url { get; }

        /// <summary>True when this request was the console's (answered here) or a POST refused for want of the token.</summary>
        public async Task<bool> TryServeAsync(HttpListenerContext context)
        {
            HttpListenerRequest request = context.Request;
            string path = request.Url.AbsolutePath;
            if (request.HttpMethod == "POST")
            {
                if (_token == null || HasToken(request)) return false;
                await WriteJson(context, 401, new JsonObject { ["error"] = "this console is reachable from the network: writes need the token printed at start (open the printed address)" });
                return true;
            }
            if (request.HttpMethod != "GET") return false;
            if (path == "/" || path == "/console" || path == "/console/") return await WriteAsset(context, "index.html");
            if (path.StartsWith("/console/assets/", StringComparison.Ordinal)) return await WriteAsset(context, path.Substring("/console/assets/".Length));
            if (!path.StartsWith("/console/api/", StringComparison.Ordinal)) return false;

            string[] parts = path.Substring("/console/api/".Length).Trim('/').Split('/');
            if (parts.Length == 1 && parts[0] == "devices")
            {
                await WriteJson(context, 200, await ConsoleSnapshot.DevicesAsync(_emulator));
            }
            else if (parts.Length == 3 && parts[0] == "devices")
            {
                await WriteJson(context, 200, ConsoleSnapshot.Device(_emulator, parts[1], parts[2], await _emulator.IsOnlineAsync(parts[1], parts[2])));
            }
            else if (parts.Length == 1 && parts[0] == "thing-model")
            {
                // The model's own file: for a configuration's model exactly what `thing-model` writes (NodeThingModel).
                JsonNode model = _emulator.Options.ThingModel?.ToOneNetFile(request.QueryString["productId"]);
                if (model == null)
                {
                    await WriteJson(context, 404, new JsonObject { ["error"] = "this emulator has no thing model (start it with --thing-model FILE)" });
                }
                else
                {
                    context.Response.AddHeader("Content-Disposition", "attachment; filename=\"thing-model.json\"");
                    await WriteJson(context, 200, model);
                }
            }
            else
            {
                await WriteJson(context, 404, new JsonObject { ["error"] = "no such console endpoint" });
            }
            return true;
        }

        private bool HasToken(HttpListenerRequest request)
        {
            string given = request.Headers["X-Console-Token"] ?? request.QueryString["token"] ?? "";
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(_token));
        }

        private static string HostText(IPAddress address) =>
            address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();

        private static async Task<bool> WriteAsset(HttpListenerContext context, string name)
        {
            using Stream asset = name.Contains('/') ? null : typeof(ConsoleEndpoints).Assembly.GetManifestResourceStream(AssetPrefix + name);
            if (asset == null)
            {
                await WriteJson(context, 404, new JsonObject { ["error"] = "no such asset" });
                return true;
            }
            context.Response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            context.Response.AddHeader("Cache-Control", "no-cache");
            await WriteBytes(context, 200, ReadAll(asset));
            return true;
        }

        private static byte[] ReadAll(Stream stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        private static Task WriteJson(HttpListenerContext context, int status, JsonNode body)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return WriteBytes(context, status, Encoding.UTF8.GetBytes(body.ToJsonString()));
        }

        private static async Task WriteBytes(HttpListenerContext context, int status, byte[] bytes)
        {
            try
            {
                context.Response.StatusCode = status;
                await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The browser went away.
            }
        }
    }
}
