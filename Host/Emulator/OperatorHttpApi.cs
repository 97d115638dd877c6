using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// The operator's side of the platform on http://127.0.0.1:{port}/ (HttpListener; loopback unless
    /// EmulatorOptions.HttpBindAddress says otherwise, then every POST needs the console token), next to the web console
    /// (Console/ConsoleEndpoints, docs/console.md):
    ///   POST /devices/{pid}/{dev}/property/set        body {"relay1":true}         → waits ≤ 5 s for the set_reply
    ///   POST /devices/{pid}/{dev}/property/get        body ["temperature"]         → waits for the get_reply
    ///   POST /devices/{pid}/{dev}/service/{id}/invoke body {"a":1}                 → waits for the invoke_reply
    ///   POST /devices/{pid}/{dev}/desired             body {"power":"on"}          → stores desired values
    ///   GET  /posts  (accepted posts, newest last)    GET /replies                  GET /events (connections)
    ///   GET  /warnings (post times that look like seconds or lie in the future: counts and the latest)
    /// </summary>
    public sealed class OperatorHttpApi : IDisposable
    {
        private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);
        private readonly OneNetEmulator _emulator;
        private readonly HttpListener _listener = new();
        private readonly WebConsole.ConsoleEndpoints _console;

        public OperatorHttpApi(OneNetEmulator emulator, int port, IPAddress bind)
        {
            _emulator = emulator;
            _console = new WebConsole.ConsoleEndpoints(emulator, port, bind);
            foreach (string prefix in _console.ListenerPrefixes) _listener.Prefixes.Add(prefix);
        }

        /// <summary>Where a browser opens the console (with ?token=… when writes need one).</summary>
        public string ConsoleUrl => _console.Url;

        public void Start()
        {
            _listener.Start();
            _ = Task.Run(AcceptLoop);
        }

        public void Dispose()
        {
            try
            {
                _listener.Close();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        private async Task AcceptLoop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }
                _ = Task.Run(() => Handle(context));
            }
        }

        private async Task Handle(HttpListenerContext context)
        {
            int status = 200;
            JsonNode body;
            try
            {
                if (await _console.TryServeAsync(context).ConfigureAwait(false)) return;
                body = await Route(context.Request).ConfigureAwait(false);
                if (body == null)
                {
                    status = 404;
                    body = new JsonObject { ["error"] = "no such endpoint; see docs/emulator.md, \"Operator API\"" };
                }
            }
            catch (Exception ex) when (ex is ArgumentException or JsonException or FormatException)
            {
                status = 400;
                body = new JsonObject { ["error"] = ex.Message };
            }
            catch (InvalidOperationException ex)
            {
                status = 409;
                body = new JsonObject { ["error"] = ex.Message };
            }
            try
            {
                byte[] bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                context.Response.Close();
            }
            catch (Exception)
            {
                // The caller went away.
            }
        }

        private async Task<JsonNode> Route(HttpListenerRequest request)
        {
            string[] parts = request.Url.AbsolutePath.Trim('/').Split('/');
            if (request.HttpMethod == "GET" && parts.Length == 1)
            {
                switch (parts[0])
                {
                    case "posts":
                        return JsonSerializer.SerializeToNode(_emulator.AcceptedPosts.Select(p => new { p.ReceivedAt, p.ProductId, p.DeviceName, p.Kind, p.Id, Params = p.Params }));
                    case "replies":
                        return JsonSerializer.SerializeToNode(_emulator.DeviceReplies.Select(r => new { r.ReceivedAt, r.ProductId, r.DeviceName, r.Topic, r.Id, r.Code, r.Msg, r.Payload }));
                    case "events":
                        return JsonSerializer.SerializeToNode(_emulator.ConnectionEvents);
                    case "warnings":
                        return new JsonObject
                        {
                            ["secondsTimestamps"] = _emulator.SecondsTimestamps,
                            ["futureTimestamps"] = _emulator.FutureTimestamps,
                            ["latest"] = JsonSerializer.SerializeToNode(_emulator.TimeWarnings),
                        };
                }
                return null;
            }
            if (request.HttpMethod != "POST" || parts.Length < 4 || parts[0] != "devices") return null;
            string productId = parts[1], deviceName = parts[2];
            string action = string.Join("/", parts.Skip(3));
            JsonNode input;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                string text = await reader.ReadToEndAsync().ConfigureAwait(false);
                input = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            }
            string id;
            if (action == "property/set")
            {
                id = await _emulator.SetPropertiesAsync(productId, deviceName, input as JsonObject ?? throw new ArgumentException("body must be a JSON object of values")).ConfigureAwait(false);
            }
            else if (action == "property/get")
            {
                string[] identifiers = (input as JsonArray ?? throw new ArgumentException("body must be a JSON array of identifiers")).Select(n => n?.GetValue<string>()).ToArray();
                id = await _emulator.GetPropertiesAsync(productId, deviceName, identifiers).ConfigureAwait(false);
            }
            else if (parts.Length == 6 && parts[3] == "service" && parts[5] == "invoke")
            {
                id = await _emulator.InvokeServiceAsync(productId, deviceName, parts[4], input as JsonObject ?? new JsonObject()).ConfigureAwait(false);
            }
            else if (action == "desired")
            {
                return new JsonObject { ["versions"] = _emulator.SetDesired(productId, deviceName, input as JsonObject) };
            }
            else
            {
                return null;
            }
            DeviceReply reply = await _emulator.WaitForReplyAsync(id, ReplyTimeout).ConfigureAwait(false);
            return new JsonObject
            {
                ["id"] = id,
                ["reply"] = reply == null ? null : JsonNode.Parse(reply.Payload.GetRawText()),
                ["timedOut"] = reply == null,
            };
        }
    }
}
