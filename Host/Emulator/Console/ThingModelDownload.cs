using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace OneNetFirmware.Host.Emulator.WebConsole
{
    /// <summary>
    /// The console's "download thing model": the emulator's model in the shape OneNET's console imports and exports
    /// (docs/console.md "Thing-model download"). One function, so a fuller exporter can replace it.
    /// </summary>
    public static class ThingModelDownload
    {
        /// <summary>Null when the emulator runs without a thing model.</summary>
        public static JsonNode ToOneNetImport(ThingModel model, string productId)
        {
            if (model == null) return null;
            return new JsonObject
            {
                ["version"] = "1.0",
                // The profile ids OneNET's own exports carry; whether an import needs them is not documented.
                ["profile"] = new JsonObject { ["industryId"] = "1", ["sceneId"] = "18", ["categoryId"] = "93", ["productId"] = productId },
                ["properties"] = new JsonArray(model.Properties.Select(p => (JsonNode)new JsonObject
                {
                    ["identifier"] = p.Identifier,
                    ["name"] = p.Identifier,
                    ["functionType"] = p.Identifier.StartsWith('$') ? "s" : "u",
                    ["accessMode"] = p.Writable ? "rw" : "r",
                    ["functionMode"] = "property",
                    ["required"] = false,
                    ["desc"] = "",
                    ["dataType"] = DataType(p),
                }).ToArray()),
                ["events"] = new JsonArray(model.Events.Select(e => (JsonNode)new JsonObject
                {
                    ["identifier"] = e.Identifier,
                    ["name"] = e.Identifier,
                    ["functionType"] = "u",
                    ["functionMode"] = "event",
                    ["eventType"] = "info",
                    ["desc"] = "",
                    ["outputData"] = new JsonArray((e.Outputs ?? new ThingModel.Property[0]).Select(o => (JsonNode)new JsonObject
                    {
                        ["identifier"] = o.Identifier,
                        ["name"] = o.Identifier,
                        ["dataType"] = DataType(o),
                    }).ToArray()),
                }).ToArray()),
                ["services"] = new JsonArray(model.Services.Select(s => (JsonNode)new JsonObject
                {
                    ["identifier"] = s.Identifier,
                    ["name"] = s.Identifier,
                    ["functionType"] = "u",
                    ["functionMode"] = "service",
                    ["callType"] = "a",
                    ["desc"] = "",
                    ["input"] = new JsonArray(),
                    ["output"] = new JsonArray(),
                }).ToArray()),
            };
        }

        /// <summary>{"type":…,"specs":{…}} with every spec number written as a string, as the platform does.</summary>
        private static JsonObject DataType(ThingModel.Property p)
        {
            var specs = new JsonObject();
            switch (p.Type)
            {
                case "bool":
                    specs["true"] = "true";
                    specs["false"] = "false";
                    break;
                case "string":
                    specs["length"] = Text(p.MaxLength ?? 256);
                    break;
                case "enum":
                    foreach (long key in p.Values ?? new long[0]) specs[Text(key)] = Text(key);
                    break;
                default:
                    if (p.Min.HasValue) specs["min"] = Text(p.Min.Value);
                    if (p.Max.HasValue) specs["max"] = Text(p.Max.Value);
                    if (p.Unit != null) specs["unit"] = p.Unit;
                    break;
            }
            return new JsonObject { ["type"] = p.Type, ["specs"] = specs };
        }

        private static string Text(double v) => v.ToString(CultureInfo.InvariantCulture);
    }
}
