using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// A product's thing model read from OneNET's own import/export file (docs/thing-model.md): "properties" with
    /// identifier, accessMode r|rw and dataType {type, specs}; "events" with outputData; "services" with input and output.
    /// Specs numbers may be strings (as the console writes them) or numbers. Fields the console adds (profile, name, desc,
    /// functionType, required, …) are read past. Identifiers are case-sensitive. The file itself is kept: it is what the
    /// console's download gives back (ToOneNetFile), so the model has one exporter, NodeThingModel / `thing-model`.
    /// </summary>
    public sealed class ThingModel
    {
        /// <summary>A property, or a parameter of an event or service (Writable only means something for properties).</summary>
        public sealed class Property
        {
            public string Identifier { get; init; }
            public bool Writable { get; init; }
            public DataType DataType { get; init; }
            public string Type => DataType.Type;
            /// <summary>The unit the console shows next to the value ("°C"), from the data type's specs; null without one.</summary>
            public string Unit => DataType.Unit;
        }

        public sealed class DataType
        {
            public string Type { get; init; }
            public double? Min { get; init; }
            public double? Max { get; init; }
            /// <summary>Numbers: the step the console's input offers (specs.step).</summary>
            public double? Step { get; init; }
            /// <summary>Numbers: the unit's symbol as the console shows it ("°C" of the specs' "摄氏度 / °C").</summary>
            public string Unit { get; init; }
            /// <summary>string: most characters; array: most elements.</summary>
            public int? Length { get; init; }
            /// <summary>enum: the keys the specs name.</summary>
            public long[] EnumKeys { get; init; }
            /// <summary>struct: its members.</summary>
            public Property[] Members { get; init; }
            /// <summary>array: the element type.</summary>
            public DataType Item { get; init; }
        }

        public sealed class Event
        {
            public string Identifier { get; init; }
            public Property[] Outputs { get; init; }
        }

        public sealed class Service
        {
            public string Identifier { get; init; }
            public Property[] Inputs { get; init; }
            public Property[] Outputs { get; init; }
        }

        public Property[] Properties { get; private init; } = Array.Empty<Property>();
        public Event[] Events { get; private init; } = Array.Empty<Event>();
        public Service[] Services { get; private init; } = Array.Empty<Service>();

        /// <summary>The file the model was read from.</summary>
        private JsonObject _file;

        /// <summary>The data types of docs/thing-model.md.</summary>
        public static readonly string[] Types = { "int32", "int64", "float", "double", "bool", "enum", "string", "date", "bitMap", "struct", "array" };

        private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

        public static ThingModel Parse(string json)
        {
            JsonNode root;
            try
            {
                root = JsonNode.Parse(json, documentOptions: ReadOptions);
            }
            catch (JsonException ex)
            {
                throw new FormatException("thing model: not JSON: " + ex.Message);
            }
            if (root is not JsonObject model) throw new FormatException("thing model: the file must hold one JSON object");
            var properties = Items(model, "properties").Select((p, i) => ReadProperty(p, "properties[" + i + "]", true)).ToArray();
            var events = Items(model, "events").Select((e, i) => new Event
            {
                Identifier = Identifier(e, "events[" + i + "]"),
                Outputs = Items(e, "outputData").Select((p, j) => ReadProperty(p, "events[" + i + "].outputData[" + j + "]", false)).ToArray(),
            }).ToArray();
            var services = Items(model, "services").Select((s, i) => new Service
            {
                Identifier = Identifier(s, "services[" + i + "]"),
                Inputs = Items(s, "input").Select((p, j) => ReadProperty(p, "services[" + i + "].input[" + j + "]", false)).ToArray(),
                Outputs = Items(s, "output").Select((p, j) => ReadProperty(p, "services[" + i + "].output[" + j + "]", false)).ToArray(),
            }).ToArray();
            var result = new ThingModel { Properties = properties, Events = events, Services = services, _file = model };
            string duplicate = properties.Select(p => p.Identifier).Concat(events.Select(e => e.Identifier)).Concat(services.Select(s => s.Identifier))
                .GroupBy(x => x, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).FirstOrDefault();
            if (duplicate != null) throw new FormatException("thing model: identifier " + duplicate + " is defined twice (identifiers are unique within a product)");
            return result;
        }

        public static ThingModel Load(string path) => Parse(File.ReadAllText(path));

        public Property Find(string identifier) => Properties.FirstOrDefault(p => p.Identifier == identifier);

        public Service FindService(string identifier) => Services.FirstOrDefault(s => s.Identifier == identifier);

        public bool HasService(string identifier) => FindService(identifier) != null;

        /// <summary>
        /// The model in OneNET's import format for a download: the file it was read from (for a configuration's model,
        /// what `thing-model` writes), with profile.productId set to productId when one is given.
        /// </summary>
        public JsonObject ToOneNetFile(string productId)
        {
            var file = (JsonObject)_file.DeepClone();
            if (string.IsNullOrEmpty(productId)) return file;
            if (file["profile"] is not JsonObject profile) file["profile"] = profile = new JsonObject();
            profile["productId"] = productId;
            return file;
        }

        /// <summary>Every identifier the model defines: properties, events and services.</summary>
        [JsonIgnore]
        public IEnumerable<string> Identifiers => Properties.Select(p => p.Identifier).Concat(Events.Select(e => e.Identifier)).Concat(Services.Select(s => s.Identifier));

        /// <summary>Null when the value fits the property, else why not ("temperature: 130 is above max 125").</summary>
        public string CheckProperty(string identifier, JsonElement value)
        {
            Property p = Find(identifier);
            if (p == null) return identifier + ": identifier not in the thing model";
            return Check(p.DataType, value, identifier);
        }

        /// <summary>Null when the event is in the model and its value object holds only declared outputs of their types.
        /// A declared output left out is accepted (whether the platform requires every output is unconfirmed).</summary>
        public string CheckEvent(string identifier, JsonElement value)
        {
            Event e = Events.FirstOrDefault(x => x.Identifier == identifier);
            if (e == null) return identifier + ": event not in the thing model";
            return CheckParameters(e.Outputs, value, identifier, "output parameter");
        }

        /// <summary>Null when the service exists and the input object holds only its declared inputs, each of its type.</summary>
        public string CheckServiceInput(string identifier, JsonElement input)
        {
            Service s = FindService(identifier);
            if (s == null) return identifier + ": not a service of the thing model";
            return CheckParameters(s.Inputs, input, identifier, "input parameter");
        }

        private static string CheckParameters(Property[] declared, JsonElement value, string owner, string what)
        {
            if (value.ValueKind != JsonValueKind.Object) return owner + ": expected an object of " + what + "s";
            foreach (JsonProperty member in value.EnumerateObject())
            {
                Property p = declared.FirstOrDefault(o => o.Identifier == member.Name);
                string name = owner + "." + member.Name;
                if (p == null) return name + ": " + what + " not in the thing model";
                string error = Check(p.DataType, member.Value, name);
                if (error != null) return error;
            }
            return null;
        }

        private static string Check(DataType t, JsonElement value, string name)
        {
            switch (t.Type)
            {
                case "bool":
                    // Whether 0/1 pass as bool on the platform is unconfirmed; the emulator wants true/false.
                    return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : name + ": expected bool";
                case "string":
                    if (value.ValueKind != JsonValueKind.String) return name + ": expected string";
                    return t.Length.HasValue && value.GetString().Length > t.Length ? name + ": longer than " + t.Length : null;
                case "enum":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long key)) return name + ": expected an enum key (integer)";
                    return t.EnumKeys == null || t.EnumKeys.Contains(key) ? null : name + ": " + key + " is not an enum key";
                case "int32":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out _)) return name + ": expected int32";
                    return CheckRange(t, value.GetDouble(), name);
                case "int64":
                case "date":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _)) return name + ": expected " + t.Type;
                    return CheckRange(t, value.GetDouble(), name);
                case "bitMap":
                    return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long bits) && bits >= 0 ? null : name + ": expected bitMap (non-negative integer)";
                case "struct":
                    if (value.ValueKind != JsonValueKind.Object) return name + ": expected struct (object)";
                    return CheckParameters(t.Members ?? Array.Empty<Property>(), value, name, "member");
                case "array":
                    if (value.ValueKind != JsonValueKind.Array) return name + ": expected array";
                    if (t.Length.HasValue && value.GetArrayLength() > t.Length) return name + ": more than " + t.Length + " elements";
                    int i = 0;
                    foreach (JsonElement item in value.EnumerateArray())
                    {
                        string error = t.Item == null ? null : Check(t.Item, item, name + "[" + i++ + "]");
                        if (error != null) return error;
                    }
                    return null;
                default: // float, double
                    if (value.ValueKind != JsonValueKind.Number) return name + ": expected a number";
                    double d = value.GetDouble();
                    if (t.Type == "float" && Math.Abs(d) > float.MaxValue) return name + ": outside float";
                    return CheckRange(t, d, name);
            }
        }

        private static string CheckRange(DataType t, double v, string name)
        {
            if (t.Min.HasValue && v < t.Min) return name + ": " + Text(v) + " is below min " + Text(t.Min.Value);
            if (t.Max.HasValue && v > t.Max) return name + ": " + Text(v) + " is above max " + Text(t.Max.Value);
            return null;
        }

        private static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        // ---- reading the file ----

        private static IEnumerable<JsonObject> Items(JsonObject owner, string name)
        {
            JsonNode node = owner[name];
            if (node == null) return Array.Empty<JsonObject>();
            if (node is not JsonArray array) throw new FormatException("thing model: " + name + " must be an array");
            return array.Select((n, i) => n as JsonObject ?? throw new FormatException("thing model: " + name + "[" + i + "] must be an object")).ToArray();
        }

        private static string Identifier(JsonObject item, string path)
        {
            string id = Text(item, "identifier");
            if (string.IsNullOrEmpty(id)) throw new FormatException("thing model: " + path + " has no identifier");
            return id;
        }

        private static Property ReadProperty(JsonObject item, string path, bool isProperty)
        {
            string id = Identifier(item, path);
            string access = Text(item, "accessMode");
            if (isProperty && access != null && access != "r" && access != "rw") throw new FormatException("thing model: " + id + ": accessMode must be r or rw");
            if (item["dataType"] is not JsonObject dataType) throw new FormatException("thing model: " + id + ": dataType is required");
            return new Property { Identifier = id, Writable = access == "rw", DataType = ReadType(dataType, id) };
        }

        private static DataType ReadType(JsonObject dataType, string id)
        {
            string type = Text(dataType, "type");
            if (!Types.Contains(type)) throw new FormatException("thing model: " + id + ": dataType.type must be one of " + string.Join(", ", Types));
            JsonNode specs = dataType["specs"];
            JsonObject o = specs as JsonObject;
            switch (type)
            {
                case "enum":
                    return new DataType { Type = type, EnumKeys = o?.Select(pair => Integer(pair.Key, id + ": enum key")).ToArray() };
                case "string":
                    return new DataType { Type = type, Length = o == null ? null : (int?)NumberOrNull(o, "length", id) };
                case "struct":
                    if (specs is not JsonArray members) throw new FormatException("thing model: " + id + ": struct specs must be an array of members");
                    return new DataType { Type = type, Members = members.Select((m, i) => ReadProperty(m as JsonObject ?? throw new FormatException("thing model: " + id + ": struct member " + i + " must be an object"), id + "." + i, false)).ToArray() };
                case "array":
                    DataType item = null;
                    if (o?["item"] is JsonObject itemType) item = ReadType(itemType, id + "[]");
                    else if (o != null && Text(o, "type") != null) item = ReadType(o, id + "[]");
                    return new DataType { Type = type, Length = o == null ? null : (int?)NumberOrNull(o, "length", id) ?? (int?)NumberOrNull(o, "size", id), Item = item };
                case "int32":
                case "int64":
                case "float":
                case "double":
                case "date":
                    if (o == null) return new DataType { Type = type };
                    return new DataType
                    {
                        Type = type, Min = NumberOrNull(o, "min", id), Max = NumberOrNull(o, "max", id), Step = NumberOrNull(o, "step", id), Unit = UnitSymbol(Text(o, "unit")),
                    };
                default:
                    return new DataType { Type = type };
            }
        }

        /// <summary>"摄氏度 / °C" (name / symbol, as OneNET's console writes units) → "°C"; a bare "°C" stays; "" → null.</summary>
        public static string UnitSymbol(string unit)
        {
            if (string.IsNullOrWhiteSpace(unit)) return null;
            int slash = unit.LastIndexOf(" / ", StringComparison.Ordinal);
            return (slash < 0 ? unit : unit.Substring(slash + 3)).Trim();
        }

        private static string Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string s) ? s : null;

        /// <summary>A specs number: a string ("125", as exports write it) or a JSON number; null when absent or empty.</summary>
        private static double? NumberOrNull(JsonObject o, string name, string id)
        {
            JsonNode node = o[name];
            if (node == null) return null;
            if (node is JsonValue v)
            {
                if (v.TryGetValue(out double d)) return d;
                if (v.TryGetValue(out string s))
                {
                    if (s.Length == 0) return null;
                    if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)) return parsed;
                }
            }
            throw new FormatException("thing model: " + id + ": specs." + name + " must be a number");
        }

        private static long Integer(string text, string what)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)) return value;
            throw new FormatException("thing model: " + what + " '" + text + "' is not an integer");
        }
    }
}
