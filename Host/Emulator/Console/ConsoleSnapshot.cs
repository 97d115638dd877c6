using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace OneNetFirmware.Host.Emulator.WebConsole
{
    /// <summary>
    /// What the console page shows, built from the emulator's records on every poll: nothing is kept twice, so the
    /// page can never disagree with `/posts`, `/replies` and `/events`. Times are epoch milliseconds.
    /// </summary>
    public static class ConsoleSnapshot
    {
        /// <summary>Points per property in a chart: enough for hours of 10 s reports, small enough to poll every second.</summary>
        public const int MaxHistoryPoints = 500;
        private const int MaxEvents = 30, MaxDownlinks = 20, MaxRefusals = 5, MaxRejected = 10;
        private static readonly JsonSerializerOptions ModelJson = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        public static async Task<JsonArray> DevicesAsync(OneNetEmulator emulator)
        {
            IReadOnlyList<ConnectionEvent> connections = emulator.ConnectionEvents;
            IReadOnlyList<AcceptedPost> posts = emulator.AcceptedPosts;
            var devices = new JsonArray();
            foreach ((string productId, string deviceName) in KnownDevices(emulator, connections, posts))
            {
                ConnectionEvent[] mine = connections.Where(c => c.ClientId == deviceName && IsOfProduct(c, productId)).ToArray();
                DateTimeOffset? lastPost = posts.Where(p => p.DeviceName == deviceName && p.ProductId == productId).Select(p => (DateTimeOffset?)p.ReceivedAt).LastOrDefault();
                DateTimeOffset? lastConnect = mine.Where(c => c.What.StartsWith("connected", StringComparison.Ordinal)).Select(c => (DateTimeOffset?)c.At).LastOrDefault();
                DateTimeOffset? lastSeen = new[] { lastPost, lastConnect }.Max();
                ConnectionEvent last = mine.LastOrDefault();
                devices.Add(new JsonObject
                {
                    ["productId"] = productId,
                    ["deviceName"] = deviceName,
                    ["online"] = await emulator.IsOnlineAsync(productId, deviceName).ConfigureAwait(false),
                    ["lastSeen"] = lastSeen?.ToUnixTimeMilliseconds(),
                    ["connects"] = mine.Count(c => c.What.StartsWith("connected", StringComparison.Ordinal)),
                    ["kicks"] = mine.Count(c => c.What.StartsWith("kicked", StringComparison.Ordinal)),
                    ["bans"] = mine.Count(c => c.What.Contains("banned for", StringComparison.Ordinal)),
                    ["lastConnectionEvent"] = last == null ? null : Connection(last),
                    ["refusals"] = new JsonArray(mine.Where(IsRefusal).TakeLast(MaxRefusals).Reverse().Select(c => (JsonNode)Connection(c)).ToArray()),
                });
            }
            return devices;
        }

        /// <summary>Registered devices first, then any device (product + client id) that tried to connect or posted.</summary>
        private static List<(string ProductId, string DeviceName)> KnownDevices(OneNetEmulator emulator, IReadOnlyList<ConnectionEvent> connections, IReadOnlyList<AcceptedPost> posts)
        {
            var known = new List<(string, string)>();
            foreach (RegisteredDevice d in emulator.Options.Devices.Where(d => d.DeviceName != null)) Add(known, d.ProductId, d.DeviceName);
            foreach (AcceptedPost p in posts) Add(known, p.ProductId, p.DeviceName);
            foreach (ConnectionEvent c in connections)
            {
                if (c.ClientId.Length == 0 || known.Any(k => k.Item2 == c.ClientId && IsOfProduct(c, k.Item1))) continue;
                Add(known, string.IsNullOrEmpty(c.ProductId) ? emulator.Options.Devices.FirstOrDefault()?.ProductId ?? "" : c.ProductId, c.ClientId);
            }
            return known;
        }

        /// <summary>An event of this product's device; a CONNECT without user name names no product and counts for any.</summary>
        private static bool IsOfProduct(ConnectionEvent c, string productId) => string.IsNullOrEmpty(c.ProductId) || c.ProductId == productId;

        private static void Add(List<(string, string)> known, string productId, string deviceName)
        {
            if (!known.Contains((productId, deviceName))) known.Add((productId, deviceName));
        }

        private static bool IsRefusal(ConnectionEvent c) =>
            c.What.StartsWith("refused", StringComparison.Ordinal) || c.What.StartsWith("dropped", StringComparison.Ordinal);

        private static JsonObject Connection(ConnectionEvent c) => new() { ["at"] = c.At.ToUnixTimeMilliseconds(), ["what"] = c.What };

        /// <summary>One device: its thing model, every property's latest value and history, events, downlinks and refused posts.</summary>
        public static JsonObject Device(OneNetEmulator emulator, string productId, string deviceName, bool online)
        {
            ThingModel model = emulator.Options.ThingModel;
            AcceptedPost[] posts = emulator.AcceptedPosts.Where(p => p.ProductId == productId && p.DeviceName == deviceName).ToArray();
            var series = new Dictionary<string, List<(long Time, JsonElement Value)>>(StringComparer.Ordinal);
            var events = new List<JsonObject>();
            foreach (AcceptedPost post in posts)
            {
                foreach (PostedValue v in post.Values)
                {
                    long time = v.TimeMs ?? post.ReceivedAt.ToUnixTimeMilliseconds();
                    if (IsEvent(post, v, model))
                    {
                        events.Add(new JsonObject { ["time"] = time, ["identifier"] = v.Identifier, ["params"] = JsonNode.Parse(v.Value.GetRawText()), ["kind"] = post.Kind });
                        continue;
                    }
                    if (!series.TryGetValue(v.Identifier, out var points)) series[v.Identifier] = points = new List<(long, JsonElement)>();
                    points.Add((time, v.Value));
                }
            }
            foreach (ThingModel.Property p in model?.Properties ?? Array.Empty<ThingModel.Property>())
            {
                if (!series.ContainsKey(p.Identifier)) series[p.Identifier] = new List<(long, JsonElement)>();
            }

            var properties = new JsonArray();
            foreach (KeyValuePair<string, List<(long Time, JsonElement Value)>> s in series)
            {
                // History posts arrive late with old times: order by the device's time, not by arrival.
                var points = s.Value.OrderBy(p => p.Time).ToList();
                ThingModel.Property declared = model?.Find(s.Key);
                (long Time, JsonElement Value)? latest = points.Count == 0 ? null : points[^1];
                properties.Add(new JsonObject
                {
                    ["identifier"] = s.Key,
                    ["unit"] = declared?.Unit,
                    ["type"] = declared?.Type,
                    ["writable"] = declared?.Writable ?? false,
                    ["value"] = latest == null ? null : JsonNode.Parse(latest.Value.Value.GetRawText()),
                    ["time"] = latest?.Time,
                    ["history"] = new JsonArray(points.Select(p => (Time: p.Time, Number: Number(p.Value))).Where(p => p.Number.HasValue)
                        .TakeLast(MaxHistoryPoints).Select(p => (JsonNode)new JsonArray(p.Time, p.Number.Value)).ToArray()),
                });
            }

            IReadOnlyList<DeviceReply> replies = emulator.DeviceReplies;
            var downlinks = new JsonArray();
            foreach (SentDownlink d in emulator.SentDownlinks.Where(d => d.ProductId == productId && d.DeviceName == deviceName).TakeLast(MaxDownlinks).Reverse())
            {
                DeviceReply reply = replies.FirstOrDefault(r => r.Id == d.Id && r.DeviceName == deviceName);
                downlinks.Add(new JsonObject
                {
                    ["sentAt"] = d.SentAt.ToUnixTimeMilliseconds(),
                    ["request"] = d.Suffix.StartsWith("thing/", StringComparison.Ordinal) ? d.Suffix.Substring("thing/".Length) : d.Suffix,
                    ["id"] = d.Id,
                    ["params"] = JsonNode.Parse(d.ParamsJson),
                    ["reply"] = reply == null ? null : new JsonObject
                    {
                        ["at"] = reply.ReceivedAt.ToUnixTimeMilliseconds(),
                        ["code"] = reply.Code,
                        ["msg"] = reply.Msg,
                        ["data"] = reply.Payload.ValueKind == JsonValueKind.Object && reply.Payload.TryGetProperty("data", out JsonElement data) ? JsonNode.Parse(data.GetRawText()) : null,
                    },
                });
            }

            return new JsonObject
            {
                ["productId"] = productId,
                ["deviceName"] = deviceName,
                ["online"] = online,
                ["model"] = model == null ? null : JsonSerializer.SerializeToNode(model, ModelJson),
                ["properties"] = properties,
                ["events"] = new JsonArray(events.OrderBy(e => (long)e["time"]).TakeLast(MaxEvents).Reverse().Select(e => (JsonNode)e).ToArray()),
                ["downlinks"] = downlinks,
                ["rejected"] = new JsonArray(emulator.RejectedPosts.Where(r => r.ProductId == productId && r.DeviceName == deviceName).TakeLast(MaxRejected).Reverse()
                    .Select(r => (JsonNode)new JsonObject { ["at"] = r.ReceivedAt.ToUnixTimeMilliseconds(), ["topic"] = r.Topic, ["code"] = r.Code, ["msg"] = r.Msg }).ToArray()),
            };
        }

        /// <summary>Event posts, and inside pack/history posts the object values the model declares as events (or, without a model, any object).</summary>
        private static bool IsEvent(AcceptedPost post, PostedValue v, ThingModel model)
        {
            if (post.Kind == "event/post") return true;
            if (post.Kind == "property/post" || v.Value.ValueKind != JsonValueKind.Object) return false;
            return model == null ? true : model.Events.Any(e => e.Identifier == v.Identifier);
        }

        /// <summary>The chart's y for a value: numbers as they are, bools as 0/1; anything else is not charted.</summary>
        private static double? Number(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            _ => null,
        };
    }
}
