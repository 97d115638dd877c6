using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// A local OneNET (docs/onenet-protocol.md, docs/emulator.md) on MQTTnet.Server: checks CONNECTs and tokens, enforces the topic, QoS, retain,
    /// payload and login-rate rules by disconnecting like the platform, answers every OneJSON post on its `/reply`
    /// topic, and records what it accepted. Start it in-process (tests) or from `onenet-node emulator`.
    /// </summary>
    public sealed class OneNetEmulator : IAsyncDisposable
    {
        /// <summary>The sender id of downlinks the platform injects; `$` is never part of a device name.</summary>
        private const string PlatformClientId = "$onenet";

        // MQTTnet 5.2 does not expose the CONNECT's will flag on the validation event; the packet sits in this field.
        // Pinned package version; EmulatorConnectTests.WillIsDropped fails if an update moves it.
        private static readonly FieldInfo ConnectPacketField =
            typeof(ValidatingConnectionEventArgs).GetField("_connectPacket", BindingFlags.NonPublic | BindingFlags.Instance);

        private readonly EmulatorOptions _options;
        private readonly LoginRateLimiter _rateLimiter;
        private readonly ConcurrentDictionary<string, HashSet<string>> _subscriptions = new(StringComparer.Ordinal);
        // Desired values by "pid/dev/identifier", under their own lock: a set, a get and a delete each see one state.
        private readonly Dictionary<string, (JsonNode Value, long Version)> _desired = new(StringComparer.Ordinal);
        private readonly object _records = new();
        private readonly List<AcceptedPost> _accepted = new();
        private readonly List<RejectedPost> _rejected = new();
        private readonly List<DeviceReply> _replies = new();
        private readonly List<ConnectionEvent> _connectionEvents = new();
        private readonly List<SentDownlink> _downlinks = new();
        private readonly List<TimeWarning> _timeWarnings = new();
        private readonly List<DateTimeOffset> _connectTimes = new();
        private MqttServer _server;
        private OperatorHttpApi _http;
        private long _nextId = 1;
        private int _connectAttempts, _acceptedConnections, _kicks, _bans, _secondsTimes, _futureTimes;

        public OneNetEmulator(EmulatorOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _rateLimiter = new LoginRateLimiter(options.LoginLimit, options.LoginWindow, options.BanDuration);
            if (ConnectPacketField == null) throw new InvalidOperationException("MQTTnet changed: ValidatingConnectionEventArgs._connectPacket not found");
        }

        public EmulatorOptions Options => _options;

        /// <summary>Raised (on an MQTTnet thread) for every uplink answered with code 200.</summary>
        public event Action<AcceptedPost> PostAccepted;
        public event Action<DeviceReply> ReplyReceived;
        public event Action<ConnectionEvent> ConnectionChanged;

        public IReadOnlyList<AcceptedPost> AcceptedPosts { get { lock (_records) return _accepted.ToArray(); } }
        public IReadOnlyList<RejectedPost> RejectedPosts { get { lock (_records) return _rejected.ToArray(); } }
        public IReadOnlyList<DeviceReply> DeviceReplies { get { lock (_records) return _replies.ToArray(); } }
        public IReadOnlyList<ConnectionEvent> ConnectionEvents { get { lock (_records) return _connectionEvents.ToArray(); } }
        /// <summary>Property sets/gets and service invokes sent to devices (the latest MaxRecords).</summary>
        public IReadOnlyList<SentDownlink> SentDownlinks { get { lock (_records) return _downlinks.ToArray(); } }
        /// <summary>The web console's address (docs/console.md), with its token when it needs one; null while the HTTP side is off.</summary>
        public string ConsoleUrl => _http?.ConsoleUrl;
        /// <summary>The platform-clock time of every CONNECT received, accepted or not (the latest MaxRecords).</summary>
        public IReadOnlyList<DateTimeOffset> ConnectTimes { get { lock (_records) return _connectTimes.ToArray(); } }
        public int ConnectAttempts => Volatile.Read(ref _connectAttempts);
        public int AcceptedConnections => Volatile.Read(ref _acceptedConnections);
        /// <summary>Older connections closed because the same device logged in again.</summary>
        public int Kicks => Volatile.Read(ref _kicks);
        public int Bans => Volatile.Read(ref _bans);
        /// <summary>Accepted points whose `time` looked like epoch seconds (or an unset clock).</summary>
        public int SecondsTimestamps => Volatile.Read(ref _secondsTimes);
        /// <summary>Accepted points whose `time` lay more than OneJsonPosts.FutureTolerance ahead of the platform clock.</summary>
        public int FutureTimestamps => Volatile.Read(ref _futureTimes);
        /// <summary>The latest time warnings (both kinds), oldest first.</summary>
        public IReadOnlyList<TimeWarning> TimeWarnings { get { lock (_records) return _timeWarnings.ToArray(); } }

        /// <summary>The most CONNECTs within any one-second span of the platform clock.</summary>
        public int MaxConnectsPerSecond
        {
            get
            {
                DateTimeOffset[] times = ConnectTimes.OrderBy(t => t).ToArray();
                int best = 0;
                for (int i = 0, j = 0; i < times.Length; i++)
                {
                    while (times[i] - times[j] >= TimeSpan.FromSeconds(1)) j++;
                    best = Math.Max(best, i - j + 1);
                }
                return best;
            }
        }

        public async Task StartAsync()
        {
            // Exactly the one address asked for: MQTTnet otherwise adds an IPv6 listener on every interface.
            bool ipv6 = _options.BindAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
            System.Net.IPAddress v4 = ipv6 ? System.Net.IPAddress.None : _options.BindAddress;
            System.Net.IPAddress v6 = ipv6 ? _options.BindAddress : System.Net.IPAddress.None;
            var builder = new MqttServerFactory().CreateServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(v4)
                .WithDefaultEndpointBoundIPV6Address(v6)
                .WithDefaultEndpointPort(_options.Port);
            if (_options.TlsCertificate != null)
            {
                builder.WithEncryptedEndpoint()
                    .WithEncryptedEndpointBoundIPAddress(v4)
                    .WithEncryptedEndpointBoundIPV6Address(v6)
                    .WithEncryptedEndpointPort(_options.TlsPort)
                    .WithEncryptionCertificate(_options.TlsCertificate)
                    .WithEncryptionSslProtocol(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
            }
            _server = new MqttServerFactory().CreateMqttServer(builder.Build());
            _server.ValidatingConnectionAsync += OnValidatingConnection;
            _server.ClientConnectedAsync += OnClientConnected;
            _server.ClientDisconnectedAsync += OnClientDisconnected;
            _server.InterceptingSubscriptionAsync += OnSubscribing;
            _server.InterceptingUnsubscriptionAsync += OnUnsubscribing;
            _server.InterceptingPublishAsync += OnPublishing;
            await _server.StartAsync().ConfigureAwait(false);
            if (_options.HttpPort > 0)
            {
                _http = new OperatorHttpApi(this, _options.HttpPort, _options.HttpBindAddress);
                _http.Start();
            }
            Log("OneNET emulator listening on " + (ipv6 ? "[" + _options.BindAddress + "]" : _options.BindAddress.ToString()) + ":" + _options.Port
                + (_options.TlsCertificate != null ? ", TLS on " + _options.TlsPort : "")
                + (_http != null ? ", console and operator API on " + _http.ConsoleUrl : ""));
        }

        public async Task StopAsync()
        {
            _http?.Dispose();
            _http = null;
            MqttServer server = _server;
            _server = null;
            if (server != null)
            {
                await server.StopAsync(new MqttServerStopOptions()).ConfigureAwait(false);
                server.Dispose();
            }
        }

        public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

        // ---- CONNECT ----

        private async Task OnValidatingConnection(ValidatingConnectionEventArgs e)
        {
            DateTimeOffset now = _options.Clock();
            Interlocked.Increment(ref _connectAttempts);
            lock (_records) Keep(_connectTimes, now);
            string deviceName = e.ClientId ?? "";
            // A device is its product and its name: the same name in another product is another device (its own
            // session, login count and ban). MQTTnet keys sessions by client id, so the session gets "pid/name".
            string clientId = SessionId(e.UserName ?? "", deviceName);
            switch (_rateLimiter.Attempt(clientId, now))
            {
                case LoginRateLimiter.Verdict.StillBanned:
                    Drop(now, clientId, "banned (login rate limit)");
                    break;
                case LoginRateLimiter.Verdict.NowBanned:
                    Interlocked.Increment(ref _bans);
                    await KickAsync(clientId).ConfigureAwait(false);
                    Drop(now, clientId, "more than " + _options.LoginLimit + " logins within " + _options.LoginWindow.TotalSeconds + " s: banned for " + _options.BanDuration);
                    break;
            }
            string ruleBroken = CheckConnectRules(e);
            if (ruleBroken != null) Drop(now, clientId, ruleBroken);

            TokenVerifier.Result result = TokenVerifier.Verify(e.Password, e.UserName, deviceName, _options.Devices, now);
            if (!result.Accepted)
            {
                e.ReasonCode = result.ConnackCode == 4 ? MqttConnectReasonCode.BadUserNameOrPassword : MqttConnectReasonCode.NotAuthorized;
                Record(EventOf(now, clientId, "refused with CONNACK " + result.ConnackCode + ": " + result.Reason));
                return;
            }
            e.SessionItems["pid"] = e.UserName;
            e.SessionItems["dev"] = deviceName;
            ((MqttConnectPacket)ConnectPacketField.GetValue(e)).ClientId = clientId;
        }

        /// <summary>The session id of a device: product id and device name (no `/` can occur in either).</summary>
        public static string SessionId(string productId, string deviceName) => productId + "/" + deviceName;

        private static string CheckConnectRules(ValidatingConnectionEventArgs e)
        {
            if (e.ProtocolVersion != MqttProtocolVersion.V311) return "not MQTT 3.1.1";
            if (e.CleanSession != true) return "clean session must be 1";
            if (ConnectPacketField.GetValue(e) is MqttConnectPacket packet && packet.WillFlag) return "will is not supported";
            ushort keepAlive = e.KeepAlivePeriod ?? 0;
            if (keepAlive < 10 || keepAlive > 1800) return "keep-alive " + keepAlive + " s is outside 10–1800";
            if (string.IsNullOrEmpty(e.UserName) || e.RawPassword == null) return "user name and password are required";
            return null;
        }

        /// <summary>docs/onenet-protocol.md#connack-codes: a CONNECT that breaks the rules (or a banned device) gets no CONNACK; MQTTnet closes the
        /// socket when the validation handler throws.</summary>
        private void Drop(DateTimeOffset now, string clientId, string why)
        {
            Record(EventOf(now, clientId, "dropped without CONNACK: " + why));
            throw new ConnectionDroppedException(why);
        }

        private sealed class ConnectionDroppedException : Exception
        {
            public ConnectionDroppedException(string message) : base(message)
            {
            }
        }

        private Task OnClientConnected(ClientConnectedEventArgs e)
        {
            Interlocked.Increment(ref _acceptedConnections);
            _subscriptions[e.ClientId] = new HashSet<string>(StringComparer.Ordinal);
            Record(EventOf(_options.Clock(), e.ClientId, "connected from " + e.RemoteEndPoint));
            return Task.CompletedTask;
        }

        private Task OnClientDisconnected(ClientDisconnectedEventArgs e)
        {
            if (e.DisconnectType == MqttClientDisconnectType.Takeover)
            {
                Interlocked.Increment(ref _kicks);
                Record(EventOf(_options.Clock(), e.ClientId, "kicked: the same device logged in again"));
            }
            else
            {
                Record(EventOf(_options.Clock(), e.ClientId, "disconnected (" + e.DisconnectType + ")"));
            }
            return Task.CompletedTask;
        }

        private async Task KickAsync(string clientId)
        {
            MqttServer server = _server;
            if (server == null) return;
            try
            {
                await server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions()).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Not connected: nothing to kick.
            }
        }

        // ---- SUBSCRIBE ----

        private Task OnSubscribing(InterceptingSubscriptionEventArgs e)
        {
            string productId = e.SessionItems["pid"] as string;
            HashSet<string> filters = _subscriptions.GetOrAdd(e.ClientId, _ => new HashSet<string>(StringComparer.Ordinal));
            string filter = e.TopicFilter.Topic;
            string refusal = null;
            lock (filters)
            {
                if (!TopicRules.IsAllowedFilter(filter, productId, e.SessionItems["dev"] as string)) refusal = "not an allowed filter";
                else if (!filters.Contains(filter) && filters.Count >= TopicRules.MaxSubscriptions) refusal = "more than " + TopicRules.MaxSubscriptions + " topic filters";
                else filters.Add(filter);
            }
            if (refusal != null)
            {
                e.ProcessSubscription = false;
                e.Response.ReasonCode = MqttSubscribeReasonCode.UnspecifiedError;
                Log(e.ClientId + ": SUBACK failure for " + filter + ": " + refusal);
                return Task.CompletedTask;
            }
            // Everything the platform sends is QoS 0 (docs/onenet-protocol.md#connect-rules-and-limits).
            e.TopicFilter.QualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce;
            e.Response.ReasonCode = MqttSubscribeReasonCode.GrantedQoS0;
            return Task.CompletedTask;
        }

        private Task OnUnsubscribing(InterceptingUnsubscriptionEventArgs e)
        {
            if (_subscriptions.TryGetValue(e.ClientId, out HashSet<string> filters))
            {
                lock (filters) filters.Remove(e.Topic);
            }
            return Task.CompletedTask;
        }

        // ---- PUBLISH ----

        private async Task OnPublishing(InterceptingPublishEventArgs e)
        {
            if (e.ClientId == PlatformClientId) return;
            MqttApplicationMessage message = e.ApplicationMessage;
            string productId = e.SessionItems["pid"] as string;
            string deviceName = e.SessionItems["dev"] as string;
            e.ProcessPublish = false; // uplinks go to the platform, never to other subscribers
            string suffix = TopicRules.UplinkSuffix(message.Topic, productId, deviceName);
            string why = message.QualityOfServiceLevel == MqttQualityOfServiceLevel.ExactlyOnce ? "QoS 2 is not supported"
                : message.Retain ? "retain is not supported"
                : message.Payload.Length > TopicRules.MaxPayloadBytes ? "payload over 256 KB"
                : suffix == null ? "publish to a topic the device may not use: " + message.Topic
                : null;
            if (why != null)
            {
                e.CloseConnection = true;
                Record(EventOf(_options.Clock(), e.ClientId, "disconnecting: " + why));
                Log(e.ClientId + ": disconnected by the platform: " + why);
                return;
            }
            byte[] payload = message.Payload.ToArray();
            if (suffix.StartsWith("thing/", StringComparison.Ordinal) && (suffix.EndsWith("_reply", StringComparison.Ordinal)))
            {
                RecordReply(productId, deviceName, message.Topic, payload);
                return;
            }
            if (!suffix.StartsWith("thing/", StringComparison.Ordinal) || suffix.StartsWith("thing/sub/", StringComparison.Ordinal))
            {
                Log(productId + "/" + deviceName + " " + suffix + ": received " + payload.Length + " bytes (not checked by the emulator)");
                return;
            }
            DateTimeOffset now = _options.Clock();
            OneJsonPosts.Outcome outcome = OneJsonPosts.CheckPost(suffix, payload, _options.ThingModel, productId, deviceName, now);
            foreach (TimeWarning w in outcome.Warnings) RecordTimeWarning(w with { ReceivedAt = now, ProductId = productId, DeviceName = deviceName });
            JsonObject reply = new() { ["id"] = outcome.Id, ["code"] = outcome.Code, ["msg"] = outcome.Msg };
            if (outcome.Code == OneJsonPosts.Success)
            {
                if (suffix == "thing/property/desired/get") reply["data"] = DesiredData(productId, deviceName, outcome.Params);
                if (suffix == "thing/property/desired/delete") DeleteDesired(productId, deviceName, outcome.Params);
                var post = new AcceptedPost(now, productId, deviceName, message.Topic, suffix.Substring("thing/".Length), outcome.Id, outcome.Params, outcome.Values);
                lock (_records) Keep(_accepted, post);
                Log(Describe(post));
                PostAccepted?.Invoke(post);
            }
            else
            {
                lock (_records) Keep(_rejected, new RejectedPost(now, productId, deviceName, message.Topic, outcome.Code, outcome.Msg));
                Log(productId + "/" + deviceName + " " + suffix + ": rejected " + outcome.Code + " " + outcome.Msg);
            }
            await SendAsync(message.Topic + "/reply", reply.ToJsonString()).ConfigureAwait(false);
        }

        private void RecordTimeWarning(TimeWarning w)
        {
            Interlocked.Increment(ref w.Kind == TimeWarning.Seconds ? ref _secondsTimes : ref _futureTimes);
            lock (_records) Keep(_timeWarnings, w);
            string when = w.Kind == TimeWarning.Seconds ? "looks like seconds, not milliseconds (or the clock was not set)"
                : "is more than " + OneJsonPosts.FutureTolerance.TotalMinutes + " min ahead of the platform clock";
            Log(w.ProductId + "/" + w.DeviceName + " " + w.Identifier + ": warning: time " + w.TimeMs + " " + when + "; accepted");
        }

        private void RecordReply(string productId, string deviceName, string topic, byte[] payload)
        {
            JsonElement root;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(payload);
                root = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                Log(productId + "/" + deviceName + ": reply on " + topic + " is not JSON");
                return;
            }
            string id = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out JsonElement i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            int? code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out JsonElement c) && c.TryGetInt32(out int cc) ? cc : null;
            string msg = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("msg", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var reply = new DeviceReply(_options.Clock(), productId, deviceName, topic, id, code, msg, root);
            lock (_records) Keep(_replies, reply);
            Log(productId + "/" + deviceName + " " + topic.Substring(TopicRules.Prefix(productId, deviceName).Length) + ": " + Encoding.UTF8.GetString(payload));
            ReplyReceived?.Invoke(reply);
        }

        private static string Describe(AcceptedPost post)
        {
            var text = new StringBuilder();
            text.Append(post.ProductId).Append('/').Append(post.DeviceName).Append(' ').Append(post.Kind).Append(" id=").Append(post.Id).Append(':');
            if (post.Values.Count == 0) text.Append(' ').Append(post.Params.GetRawText());
            foreach (PostedValue v in post.Values)
            {
                text.Append(' ').Append(v.Identifier).Append('=').Append(v.Value.GetRawText());
                if (v.TimeMs.HasValue) text.Append(" @").Append(DateTimeOffset.FromUnixTimeMilliseconds(v.TimeMs.Value).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }

        // ---- downlinks (the operator side) ----

        /// <summary>True while the device has a session.</summary>
        public async Task<bool> IsOnlineAsync(string productId, string deviceName)
        {
            MqttServer server = _server;
            if (server == null) return false;
            IList<MqttClientStatus> clients = await server.GetClientsAsync().ConfigureAwait(false);
            return clients.Any(c => c.Id == SessionId(productId, deviceName));
        }

        /// <summary>Sends `…/thing/property/set` with bare values; returns the message id the set_reply will carry.</summary>
        public Task<string> SetPropertiesAsync(string productId, string deviceName, JsonObject values)
        {
            if (values == null || values.Count == 0) throw new ArgumentException("nothing to set");
            ThingModel model = _options.ThingModel;
            if (model != null)
            {
                foreach (KeyValuePair<string, JsonNode> pair in values)
                {
                    ThingModel.Property p = model.Find(pair.Key);
                    if (p == null || !p.Writable) throw new ArgumentException(pair.Key + ": not a writable property of the thing model");
                    string error = model.CheckProperty(pair.Key, JsonSerializer.SerializeToElement(pair.Value));
                    if (error != null) throw new ArgumentException(error);
                }
            }
            return SendRequestAsync(productId, deviceName, "thing/property/set", values);
        }

        /// <summary>Sends `…/thing/property/get`; the get_reply carries the bare values.</summary>
        public Task<string> GetPropertiesAsync(string productId, string deviceName, string[] identifiers)
        {
            if (identifiers == null || identifiers.Length == 0) throw new ArgumentException("no identifiers");
            string unknown = _options.ThingModel == null ? null : identifiers.FirstOrDefault(i => _options.ThingModel.Find(i) == null);
            if (unknown != null) throw new ArgumentException(unknown + ": not a property of the thing model");
            var list = new JsonArray();
            foreach (string identifier in identifiers) list.Add(identifier);
            return SendRequestAsync(productId, deviceName, "thing/property/get", list);
        }

        /// <summary>Sends `…/thing/service/{identifier}/invoke` with the input parameters.</summary>
        public Task<string> InvokeServiceAsync(string productId, string deviceName, string identifier, JsonObject input)
        {
            if (string.IsNullOrEmpty(identifier) || identifier.Contains('/')) throw new ArgumentException("bad service identifier");
            if (_options.ThingModel != null)
            {
                string error = _options.ThingModel.CheckServiceInput(identifier, JsonSerializer.SerializeToElement<JsonNode>(input ?? new JsonObject()));
                if (error != null) throw new ArgumentException(error);
            }
            return SendRequestAsync(productId, deviceName, "thing/service/" + identifier + "/invoke", input ?? new JsonObject());
        }

        /// <summary>
        /// Stores a desired value and returns its version: 1 for the first, +1 for each set after it, 1 again after the
        /// device deleted it (docs/emulator.md "Desired values"). The device reads it with desired/get.
        /// </summary>
        public long SetDesired(string productId, string deviceName, string identifier, JsonNode value)
        {
            CheckDesired(identifier, value);
            string key = DesiredKey(productId, deviceName, identifier);
            lock (_desired)
            {
                long version = _desired.TryGetValue(key, out var current) ? current.Version + 1 : 1;
                _desired[key] = (value?.DeepClone(), version);
                return version;
            }
        }

        /// <summary>
        /// Stores every desired value of values (as SetDesired), or none when one fails the thing model; returns each
        /// identifier's new version.
        /// </summary>
        public JsonObject SetDesired(string productId, string deviceName, JsonObject values)
        {
            if (values == null || values.Count == 0) throw new ArgumentException("body must be a JSON object of values");
            foreach (KeyValuePair<string, JsonNode> pair in values) CheckDesired(pair.Key, pair.Value);
            var versions = new JsonObject();
            foreach (KeyValuePair<string, JsonNode> pair in values) versions[pair.Key] = SetDesired(productId, deviceName, pair.Key, pair.Value);
            return versions;
        }

        // With a thing model, a desired value is for one of its properties and has its type and range (as a set).
        private void CheckDesired(string identifier, JsonNode value)
        {
            ThingModel model = _options.ThingModel;
            if (model == null) return;
            if (model.Find(identifier) == null) throw new ArgumentException(identifier + ": not a property of the thing model");
            string error = model.CheckProperty(identifier, JsonSerializer.SerializeToElement(value));
            if (error != null) throw new ArgumentException(error);
        }

        /// <summary>The desired value the platform holds for identifier and its version, or null when there is none.</summary>
        public (JsonNode Value, long Version)? Desired(string productId, string deviceName, string identifier)
        {
            lock (_desired)
            {
                return _desired.TryGetValue(DesiredKey(productId, deviceName, identifier), out var d) ? (d.Value?.DeepClone(), d.Version) : null;
            }
        }

        /// <summary>The device's reply to the downlink with this id, or null when none came within the timeout.</summary>
        public async Task<DeviceReply> WaitForReplyAsync(string id, TimeSpan timeout)
        {
            var done = new TaskCompletionSource<DeviceReply>(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnReply(DeviceReply r)
            {
                if (r.Id == id) done.TrySetResult(r);
            }
            ReplyReceived += OnReply;
            try
            {
                DeviceReply already = DeviceReplies.FirstOrDefault(r => r.Id == id);
                if (already != null) return already;
                Task finished = await Task.WhenAny(done.Task, Task.Delay(timeout)).ConfigureAwait(false);
                return finished == done.Task ? done.Task.Result : null;
            }
            finally
            {
                ReplyReceived -= OnReply;
            }
        }

        private async Task<string> SendRequestAsync(string productId, string deviceName, string suffix, JsonNode parameters)
        {
            if (!await IsOnlineAsync(productId, deviceName).ConfigureAwait(false)) throw new InvalidOperationException(productId + "/" + deviceName + " is not online");
            string id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            var request = new JsonObject { ["id"] = id, ["version"] = "1.0", ["params"] = parameters.DeepClone() };
            string topic = TopicRules.Prefix(productId, deviceName) + suffix;
            Log("→ " + productId + "/" + deviceName + " " + suffix + ": " + request.ToJsonString());
            lock (_records) Keep(_downlinks, new SentDownlink(_options.Clock(), productId, deviceName, suffix, id, parameters.ToJsonString()));
            await SendAsync(topic, request.ToJsonString()).ConfigureAwait(false);
            return id;
        }

        /// <summary>
        /// Sends any bytes on one of the device's topics (suffix after `$sys/{pid}/{dev}/`, e.g. `thing/property/set`):
        /// what a broken platform would send, for tests of the device's input checks. Nothing is validated.
        /// </summary>
        public Task SendRawAsync(string productId, string deviceName, string suffix, byte[] payload)
        {
            Log("→ " + productId + "/" + deviceName + " " + suffix + ": " + payload.Length + " raw bytes");
            return SendAsync(TopicRules.Prefix(productId, deviceName) + suffix, payload);
        }

        private Task SendAsync(string topic, string json) => SendAsync(topic, Encoding.UTF8.GetBytes(json));

        private async Task SendAsync(string topic, byte[] payload)
        {
            MqttServer server = _server;
            if (server == null) return;
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build();
            await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = PlatformClientId }, CancellationToken.None).ConfigureAwait(false);
        }

        /// <summary>desired/get: {identifier:{"value":…,"version":n}} for each identifier asked that has a desired value.</summary>
        private JsonObject DesiredData(string productId, string deviceName, JsonElement identifiers)
        {
            var data = new JsonObject();
            lock (_desired)
            {
                foreach (JsonElement e in identifiers.EnumerateArray())
                {
                    if (_desired.TryGetValue(DesiredKey(productId, deviceName, e.GetString()), out var d))
                    {
                        data[e.GetString()] = new JsonObject { ["value"] = d.Value?.DeepClone(), ["version"] = d.Version };
                    }
                }
            }
            return data;
        }

        /// <summary>
        /// desired/delete (params already checked by OneJsonPosts): {} deletes whatever the version; {"version":n} only
        /// while the platform's version is still n, else that member is ignored. The reply is 200 either way.
        /// </summary>
        private void DeleteDesired(string productId, string deviceName, JsonElement parameters)
        {
            lock (_desired)
            {
                foreach (JsonProperty p in parameters.EnumerateObject())
                {
                    string key = DesiredKey(productId, deviceName, p.Name);
                    long wanted = p.Value.TryGetProperty("version", out JsonElement v) ? OneJsonPosts.DesiredVersion(v) : -1;
                    if (_desired.TryGetValue(key, out var current) && (wanted < 0 || wanted == current.Version))
                    {
                        _desired.Remove(key);
                        Log(productId + "/" + deviceName + ": desired value of " + p.Name + " (version " + current.Version + ") deleted");
                    }
                }
            }
        }

        private static string DesiredKey(string productId, string deviceName, string identifier) => productId + "/" + deviceName + "/" + identifier;

        /// <summary>An event of the session "pid/name": ClientId is the device name (the MQTT client id), ProductId its product.</summary>
        private static ConnectionEvent EventOf(DateTimeOffset at, string sessionId, string what)
        {
            int slash = sessionId.IndexOf('/');
            return new ConnectionEvent(at, sessionId.Substring(slash + 1), what) { ProductId = slash < 0 ? "" : sessionId.Substring(0, slash) };
        }

        private void Record(ConnectionEvent e)
        {
            lock (_records) Keep(_connectionEvents, e);
            if (!e.What.StartsWith("disconnecting", StringComparison.Ordinal)) Log(e.ProductId + "/" + e.ClientId + ": " + e.What);
            ConnectionChanged?.Invoke(e);
        }

        /// <summary>Appends under the _records lock, dropping the oldest tenth once MaxRecords is reached.</summary>
        private void Keep<T>(List<T> list, T item)
        {
            if (list.Count >= _options.MaxRecords) list.RemoveRange(0, Math.Max(1, list.Count / 10));
            list.Add(item);
        }

        private void Log(string line) => _options.Log?.Invoke(line);
    }
}
