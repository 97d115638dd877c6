using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace OneNetFirmware.Host.Emulator
{
    /// <summary>
    /// The product's thing model as a small JSON file (docs/onenet-protocol.md#data-types-and-identifiers):
    /// {"properties":[{"identifier":"temperature","type":"float","min":-40,"max":125,"writable":false},
    ///                {"identifier":"mode","type":"enum","values":[0,1,2]},{"identifier":"label","type":"string","maxLength":32}],
    ///  "events":[{"identifier":"alarm"},{"identifier":"door","outputs":[{"identifier":"open","type":"bool"}]}],
    ///  "services":[{"identifier":"reboot"}]}
    /// Types: int32, int64, float, double, bool, string, enum (also for event outputs). Identifiers are case-sensitive.
    /// A property may name its "unit" ("°C"), which only the console shows and exports.
    /// An event without "outputs" accepts any value object; with them, only those parameters, each of its type.
    /// </summary>
    public sealed class ThingModel
    {
        public sealed class Property
        {
            public string Identifier { get; set; }
            public string Type { get; set; }
            public double? Min { get; set; }
            public double? Max { get; set; }
            public bool Writable { get; set; }
            public int? MaxLength { get; set; }
            public long[] Values { get; set; }
            /// <summary>Display unit (the console shows it next to the value), e.g. "°C"; optional.</summary>
            public string Unit { get; set; }
        }

        public sealed class Named
        {
            public string Identifier { get; set; }
        }

        public Property[] Properties { get; set; } = Array.Empty<Property>();
        public sealed class Event
        {
            public string Identifier { get; set; }
            public Property[] Outputs { get; set; }
        }

        public Event[] Events { get; set; } = Array.Empty<Event>();
        public Named[] Services { get; set; } = Array.Empty<Named>();

        private static readonly string[] Types = { "int32", "int64", "float", "double", "bool", "string", "enum" };
        private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

        public static ThingModel Parse(string json)
        {
            ThingModel model = JsonSerializer.Deserialize<ThingModel>(json, Options) ?? new ThingModel();
            model.Properties ??= Array.Empty<Property>();
            model.Events ??= Array.Empty<Event>();
            model.Services ??= Array.Empty<Named>();
            foreach (Property p in model.Properties.Concat(model.Events.SelectMany(e => e.Outputs ?? Array.Empty<Property>())))
            {
                if (string.IsNullOrEmpty(p.Identifier)) throw new FormatException("thing model: a property or event output has no identifier");
                if (!Types.Contains(p.Type)) throw new FormatException("thing model: " + p.Identifier + ": type must be one of " + string.Join(", ", Types));
            }
            if (model.Events.Any(e => string.IsNullOrEmpty(e.Identifier))) throw new FormatException("thing model: an event has no identifier");
            return model;
        }

        public static ThingModel Load(string path) => Parse(File.ReadAllText(path));

        public Property Find(string identifier) => Properties.FirstOrDefault(p => p.Identifier == identifier);

        /// <summary>Null when the event is in the model and its value object fits the declared outputs, else why not.</summary>
        public string CheckEvent(string identifier, JsonElement value)
        {
            Event e = Events.FirstOrDefault(x => x.Identifier == identifier);
            if (e == null) return identifier + ": event not in the thing model";
            if (e.Outputs == null) return null;
            foreach (JsonProperty member in value.EnumerateObject())
            {
                Property output = e.Outputs.FirstOrDefault(o => o.Identifier == member.Name);
                string name = identifier + "." + member.Name;
                if (output == null) return name + ": output parameter not in the thing model";
                string error = Check(output, member.Value, name);
                if (error != null) return error;
            }
            return null;
        }

        public bool HasService(string identifier) => Services.Any(s => s.Identifier == identifier);

        /// <summary>Null when the value fits the property, else why not ("temperature: 130 is above max 125").</summary>
        public string CheckProperty(string identifier, JsonElement value)
        {
            Property p = Find(identifier);
            if (p == null) return identifier + ": identifier not in the thing model";
            return Check(p, value, identifier);
        }

        private static string Check(Property p, JsonElement value, string identifier)
        {
            switch (p.Type)
            {
                case "bool":
                    return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : identifier + ": expected bool";
                case "string":
                    if (value.ValueKind != JsonValueKind.String) return identifier + ": expected string";
                    return p.MaxLength.HasValue && value.GetString().Length > p.MaxLength ? identifier + ": longer than " + p.MaxLength : null;
                case "enum":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long key)) return identifier + ": expected an enum key (integer)";
                    return p.Values == null || p.Values.Contains(key) ? null : identifier + ": " + key + " is not an enum key";
                case "int32":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out _)) return identifier + ": expected int32";
                    return CheckRange(p, value.GetDouble());
                case "int64":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _)) return identifier + ": expected int64";
                    return CheckRange(p, value.GetDouble());
                default: // float, double
                    if (value.ValueKind != JsonValueKind.Number) return identifier + ": expected a number";
                    double d = value.GetDouble();
                    if (p.Type == "float" && Math.Abs(d) > float.MaxValue) return identifier + ": outside float";
                    return CheckRange(p, d);
            }
        }

        private static string CheckRange(Property p, double v)
        {
            if (p.Min.HasValue && v < p.Min) return p.Identifier + ": " + v + " is below min " + p.Min;
            if (p.Max.HasValue && v > p.Max) return p.Identifier + ": " + v + " is above max " + p.Max;
            return null;
        }
    }
}
