using System;
using System.Collections.Generic;
using System.Text.Json;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// Checks a device's OneJSON request (docs/onenet-protocol.md#topics-and-payloads): the envelope {"id":"…","version":"1.0","params":…}, the wrapped
    /// {"value":…,"time":ms} form of properties, events, pack and history posts, and the thing model when there is one.
    /// Codes: 2403 "required msg id" (no id), 2402 "request format error" (anything malformed, an id that is not a
    /// numeric string of at most 13 digits; also, the emulator's choice since the real code is unconfirmed, a
    /// thing-model violation, with the reason appended to msg). A `time` that looks like seconds or lies more than
    /// FutureTolerance ahead of the platform clock is accepted with a TimeWarning (docs/emulator.md).
    /// </summary>
    public static class OneJsonPosts
    {
        public const int Success = 200;
        public const int FormatError = 2402;
        public const int MissingId = 2403;
        /// <summary>OneNET's OneJSON envelope (docs/onenet-protocol.md#topics-and-payloads): the id is a decimal string of at most 13 digits.</summary>
        public const int MaxIdDigits = 13;
        /// <summary>A ms `time` below this (1973-03-03) is taken for seconds (as seconds it would be the year 5138).</summary>
        public const long SecondsLimitMs = 100_000_000_000;
        /// <summary>How far ahead of the platform clock a `time` may lie before it is reported (our choice).</summary>
        public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);

        public sealed class Outcome
        {
            public int Code = Success;
            public string Msg = "success";
            public string Id;
            public JsonElement Params;
            public List<PostedValue> Values = new();
            public List<TimeWarning> Warnings = new();
            public long NowMs;

            public Outcome Fail(int code, string msg)
            {
                Code = code;
                Msg = msg;
                return this;
            }
        }

        /// <summary>Parses the envelope; on success Id and Params are set and Code is 200.</summary>
        public static Outcome ReadEnvelope(byte[] payload)
        {
            var outcome = new Outcome();
            JsonElement root;
            try
            {
                using JsonDocument doc = JsonDocument.Parse(payload);
                root = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                return outcome.Fail(FormatError, "request format error");
            }
            if (root.ValueKind != JsonValueKind.Object) return outcome.Fail(FormatError, "request format error");
            if (!root.TryGetProperty("id", out JsonElement id) || id.ValueKind == JsonValueKind.Null) return outcome.Fail(MissingId, "required msg id");
            if (id.ValueKind != JsonValueKind.String) return outcome.Fail(FormatError, "request format error");
            outcome.Id = id.GetString();
            if (!IsValidId(outcome.Id)) return outcome.Fail(FormatError, "request format error: id must be a numeric string of at most " + MaxIdDigits + " digits");
            if (root.TryGetProperty("version", out JsonElement version) && version.ValueKind != JsonValueKind.String) return outcome.Fail(FormatError, "request format error");
            if (!root.TryGetProperty("params", out JsonElement parameters)) return outcome.Fail(FormatError, "request format error");
            outcome.Params = parameters;
            return outcome;
        }

        /// <summary>Checks the params of a post topic (suffix after `$sys/{pid}/{dev}/`) and collects its points.</summary>
        public static Outcome CheckPost(string suffix, byte[] payload, ThingModel model, string productId, string deviceName, DateTimeOffset now)
        {
            Outcome o = ReadEnvelope(payload);
            if (o.Code != Success) return o;
            o.NowMs = now.ToUnixTimeMilliseconds();
            string error = suffix switch
            {
                "thing/property/post" => Points(o.Params, "property", false, model, o),
                "thing/event/post" => Points(o.Params, "event", false, model, o),
                "thing/pack/post" => Batch(o.Params, false, model, productId, deviceName, o),
                "thing/history/post" => Batch(o.Params, true, model, productId, deviceName, o),
                "thing/property/desired/get" => StringArray(o.Params),
                "thing/property/desired/delete" => DesiredDelete(o.Params),
                _ => null,
            };
            if (error != null) o.Warnings.Clear();
            return error == null ? o : o.Fail(FormatError, error.Length == 0 ? "request format error" : "request format error: " + error);
        }

        /// <summary>A decimal string of 1 to 13 ASCII digits.</summary>
        public static bool IsValidId(string id)
        {
            if (string.IsNullOrEmpty(id) || id.Length > MaxIdDigits) return false;
            foreach (char c in id)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }

        /// <summary>{"id":{"value":…,"time":ms}} (history: an array of those per identifier).</summary>
        private static string Points(JsonElement parameters, string kind, bool history, ThingModel model, Outcome o)
        {
            if (parameters.ValueKind != JsonValueKind.Object) return "params must be an object";
            foreach (JsonProperty point in parameters.EnumerateObject())
            {
                if (history)
                {
                    if (point.Value.ValueKind != JsonValueKind.Array) return point.Name + ": history points must be an array of {value,time}";
                    foreach (JsonElement item in point.Value.EnumerateArray())
                    {
                        string e = Point(point.Name, item, kind, model, o);
                        if (e != null) return e;
                    }
                }
                else
                {
                    string e = Point(point.Name, point.Value, kind, model, o);
                    if (e != null) return e;
                }
            }
            return null;
        }

        private static string Point(string identifier, JsonElement wrapped, string kind, ThingModel model, Outcome o)
        {
            if (wrapped.ValueKind != JsonValueKind.Object || !wrapped.TryGetProperty("value", out JsonElement value)) return identifier + ": must be wrapped as {\"value\":…}";
            long? time = null;
            if (wrapped.TryGetProperty("time", out JsonElement t))
            {
                if (t.ValueKind != JsonValueKind.Number || !t.TryGetInt64(out long ms) || ms < 0) return identifier + ": time must be epoch milliseconds";
                time = ms;
                if (ms < SecondsLimitMs) o.Warnings.Add(new TimeWarning(identifier, ms, TimeWarning.Seconds));
                else if (ms > o.NowMs + (long)FutureTolerance.TotalMilliseconds) o.Warnings.Add(new TimeWarning(identifier, ms, TimeWarning.Future));
            }
            if (kind == "event")
            {
                if (value.ValueKind != JsonValueKind.Object) return identifier + ": an event value must be an object";
                if (model != null)
                {
                    string e = model.CheckEvent(identifier, value);
                    if (e != null) return e;
                }
            }
            else if (model != null)
            {
                string e = model.CheckProperty(identifier, value);
                if (e != null) return e;
            }
            o.Values.Add(new PostedValue(identifier, value, time));
            return null;
        }

        /// <summary>pack/history: [{"identity":{…}?,"properties":{…}?,"events":{…}?}]; a direct device reports only its own data.</summary>
        private static string Batch(JsonElement parameters, bool history, ThingModel model, string productId, string deviceName, Outcome o)
        {
            if (parameters.ValueKind != JsonValueKind.Array) return "params must be an array";
            foreach (JsonElement entry in parameters.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object) return "each entry must be an object";
                if (entry.TryGetProperty("identity", out JsonElement identity))
                {
                    if (identity.ValueKind != JsonValueKind.Object
                        || !identity.TryGetProperty("productID", out JsonElement pid) || pid.ValueKind != JsonValueKind.String || pid.GetString() != productId
                        || !identity.TryGetProperty("deviceName", out JsonElement dev) || dev.ValueKind != JsonValueKind.String || dev.GetString() != deviceName)
                    {
                        return "identity must name this device";
                    }
                }
                if (entry.TryGetProperty("properties", out JsonElement properties))
                {
                    string e = Points(properties, "property", history, model, o);
                    if (e != null) return e;
                }
                if (entry.TryGetProperty("events", out JsonElement events))
                {
                    string e = Points(events, "event", history, model, o);
                    if (e != null) return e;
                }
            }
            return null;
        }

        /// <summary>
        /// desired/delete: {"power":{"version":1},"temperature":{}}: each member an object, its version (when given) an
        /// integer of at least 1 (docs/emulator.md "Desired values"). Checked whole before anything is deleted.
        /// </summary>
        private static string DesiredDelete(JsonElement parameters)
        {
            if (parameters.ValueKind != JsonValueKind.Object) return "params must be an object";
            foreach (JsonProperty p in parameters.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Object) return p.Name + ": must be {} or {\"version\":n}";
                if (p.Value.TryGetProperty("version", out JsonElement v) && DesiredVersion(v) < 1) return p.Name + ": version must be an integer of at least 1";
            }
            return null;
        }

        /// <summary>A desired/delete member's version: the integer, or -1 when it is not an integer ≥ 1 (1.5, "1", 0, null…).</summary>
        public static long DesiredVersion(JsonElement version) =>
            version.ValueKind == JsonValueKind.Number && version.TryGetInt64(out long n) && n >= 1 ? n : -1;

        private static string StringArray(JsonElement parameters)
        {
            if (parameters.ValueKind != JsonValueKind.Array) return "params must be an array of identifiers";
            foreach (JsonElement e in parameters.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.String) return "params must be an array of identifiers";
            }
            return null;
        }
    }
}
