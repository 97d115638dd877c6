using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneNetFirmware.Cli;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Emulator
{
    /// <summary>The `thing-model` file (docs/thing-model.md): OneNET's shape, derived from the node's own tables, read back
    /// by the emulator together with a console export, and docs/thing-model.md's table rendered from it.</summary>
    public class ThingModelFileTests
    {
        private static NodeConfig Example()
        {
            ConfigFile.Result r = ConfigFile.Load(RepoPaths.Of("nf-config.json"));
            Assert.True(r.IsValid);
            return r.Config;
        }

        [Fact]
        public void TheExportHasOneNetsShapeWithEverySpecsNumberAsAString()
        {
            JsonObject model = NodeThingModel.Build(Example());

            Assert.Equal(new[] { "version", "profile", "properties", "events", "services" }, model.Select(p => p.Key));
            Assert.Equal("1.0", (string)model["version"]);
            Assert.Equal(new[] { "industryId", "sceneId", "categoryId", "productId" }, model["profile"].AsObject().Select(p => p.Key));
            Assert.Equal("FakeProd01", (string)model["profile"]["productId"]);
            foreach (JsonNode p in model["properties"].AsArray())
            {
                Assert.Equal(new[] { "identifier", "name", "functionType", "accessMode", "functionMode", "required", "desc", "dataType" }, p.AsObject().Select(x => x.Key));
                Assert.Equal("property", (string)p["functionMode"]);
                Assert.Contains((string)p["accessMode"], new[] { "r", "rw" });
                Assert.Contains((string)p["dataType"]["type"], ThingModel.Types);
                Assert.All(p["dataType"]["specs"].AsObject(), s => Assert.Equal(JsonValueKind.String, s.Value.GetValueKind()));
                JsonObject specs = p["dataType"]["specs"].AsObject();
                if (specs.ContainsKey("unit")) Assert.True(((string)specs["unit"]).Length <= 15, (string)p["identifier"]);
            }
            foreach (JsonNode e in model["events"].AsArray())
            {
                Assert.Equal("event", (string)e["functionMode"]);
                Assert.All(e["outputData"].AsArray(), o => Assert.Equal("bool", (string)o["dataType"]["type"]));
            }
            Assert.All(model["services"].AsArray(), s => Assert.Empty(s["input"].AsArray()));
        }

        [Fact]
        public void TheExportListsWhatTheNodesOwnTablesHold()
        {
            NodeConfig config = Example();
            ThingModel model = NodeThingModel.For(config);

            // Properties: the PropertyTable in its order, then the identifiers of a real diagnostics post.
            PropertyTable table = NodeProperties.FromConfig(config);
            var buffer = new byte[8192];
            int length = new OneJsonPayloadWriter().WriteDiagnosticsPost(buffer, 1, new DiagnosticsSnapshot(config.Sensors.Length));
            string[] diagnostics = JsonNode.Parse(buffer.AsSpan(0, length))["params"].AsObject().Select(p => p.Key).ToArray();
            string[] expected = Enumerable.Range(0, table.Count).Select(table.Identifier).Concat(diagnostics).ToArray();
            Assert.Equal(expected, model.Properties.Select(p => p.Identifier));
            for (int i = 0; i < table.Count; i++)
            {
                ThingModel.Property p = model.Properties[i];
                string type = table.Kind(i) switch { PropertyKind.Bool => "bool", PropertyKind.Integer => "int32", _ => "float" };
                Assert.Equal(type, p.Type);
                bool writable = config.Outputs.Any(o => o.Identifier == p.Identifier)
                    || p.Identifier == RuntimeSettings.ReportIntervalIdentifier || p.Identifier == RuntimeSettings.SampleIntervalIdentifier;
                Assert.Equal(writable, p.Writable);
            }
            Assert.All(model.Properties.Skip(table.Count), p => Assert.False(p.Writable));

            EventTable events = NodeEvents.FromConfig(config);
            Assert.Equal(Enumerable.Range(0, events.Count).Select(events.Identifier), model.Events.Select(e => e.Identifier));
            Assert.Equal(Enumerable.Range(0, events.Count).Select(events.Parameter), model.Events.Select(e => e.Outputs.Single().Identifier));
            Assert.Equal(DownlinkHandler.Services, model.Services.Select(s => s.Identifier));
        }

        [Fact]
        public void RangesComeFromTheChannelOrTheQuantityAndDiagnosticsKeepTheirTypes()
        {
            NodeConfig config = Example();
            ThingModel model = NodeThingModel.For(config);

            Assert.Equal((-40.0, 125.0), (model.Find("temperature").DataType.Min, model.Find("temperature").DataType.Max));
            Assert.Equal((300.0, 1100.0), (model.Find("pressure").DataType.Min, model.Find("pressure").DataType.Max));
            // illuminance has no configured range: BH1750's 0…65535 lx
            Assert.Equal((0.0, 65535.0), (model.Find("illuminance").DataType.Min, model.Find("illuminance").DataType.Max));
            Assert.Equal("bool", model.Find("relay1").Type);
            Assert.Equal((1.0, 86400.0), (model.Find("report_interval").DataType.Min, model.Find("report_interval").DataType.Max));
            Assert.Equal("string", model.Find("diag_reset").Type);
            Assert.Equal("int64", model.Find("diag_uptime").Type); // DiagnosticsSnapshot.UptimeSeconds is a long
            Assert.Equal(-1.0, model.Find("diag_largest_block").DataType.Min); // IBoard: -1 when unknown
        }

        [Fact]
        public void TheConsoleShowsTheSymbolOfEachUnit()
        {
            ThingModel model = NodeThingModel.For(Example());

            Assert.Equal("°C", model.Find("temperature").Unit);
            Assert.Equal("hPa", model.Find("pressure").Unit); // scale 0.01 turns Pa into hPa
            Assert.Equal("lx", model.Find("illuminance").Unit);
            Assert.Equal("s", model.Find("report_interval").Unit);
            Assert.Null(model.Find("relay1").Unit);
            Assert.Null(model.Find("rainRate").Unit); // a counter's unit is not known
        }

        [Theory]
        [InlineData("摄氏度 / °C", "°C")]
        [InlineData("°C", "°C")]
        [InlineData("相对湿度 / %RH", "%RH")]
        [InlineData("", null)]
        [InlineData(null, null)]
        public void AUnitIsShownAsItsSymbol(string specsUnit, string shown)
        {
            Assert.Equal(shown, ThingModel.UnitSymbol(specsUnit));
        }

        [Fact]
        public void AConsoleExportIsReadAndChecked()
        {
            ThingModel model = ThingModel.Load(RepoPaths.Of("Host/Tests/Emulator/Fixtures/console-export.json"));

            Assert.Equal(9, model.Properties.Length);
            Assert.True(model.Find("relay1").Writable);
            Assert.False(model.Find("temperature").Writable);
            Assert.Null(model.CheckProperty("temperature", Value("21.5")));
            Assert.Equal("temperature: 126 is above max 125", model.CheckProperty("temperature", Value("126")));
            Assert.Null(model.CheckProperty("mode", Value("2")));
            Assert.Equal("mode: 3 is not an enum key", model.CheckProperty("mode", Value("3")));
            Assert.Equal("label: longer than 16", model.CheckProperty("label", Value("\"0123456789abcdefg\"")));
            Assert.Null(model.CheckProperty("lastService", Value("1780000000000")));
            Assert.Null(model.CheckProperty("position", Value("{\"lon\":106.55,\"lat\":29.56}")));
            Assert.Equal("position.lat: 95 is above max 90", model.CheckProperty("position", Value("{\"lon\":106.55,\"lat\":95}")));
            Assert.Equal("position.alt: member not in the thing model", model.CheckProperty("position", Value("{\"alt\":300}")));
            Assert.Null(model.CheckProperty("history", Value("[1,2,3]")));
            Assert.Equal("history: more than 3 elements", model.CheckProperty("history", Value("[1,2,3,4]")));
            Assert.Equal("history[1]: 101 is above max 100", model.CheckProperty("history", Value("[1,101]")));
            Assert.Null(model.CheckEvent("doorOpen", Value("{\"open\":true}")));
            Assert.Null(model.CheckServiceInput("blink", Value("{\"times\":3}")));
            Assert.Equal("blink.times: 0 is below min 1", model.CheckServiceInput("blink", Value("{\"times\":0}")));
            Assert.Contains("$OneNET_LBS", model.Identifiers);
        }

        [Theory]
        [InlineData("[]", "the file must hold one JSON object")]
        [InlineData("{\"properties\":[{\"identifier\":\"t\"}]}", "t: dataType is required")]
        [InlineData("{\"properties\":[{\"identifier\":\"t\",\"dataType\":{\"type\":\"float32\"}}]}", "t: dataType.type must be one of")]
        [InlineData("{\"properties\":[{\"identifier\":\"t\",\"dataType\":{\"type\":\"float\",\"specs\":{\"min\":\"cold\"}}}]}", "t: specs.min must be a number")]
        [InlineData("{\"properties\":[{\"identifier\":\"t\",\"accessMode\":\"w\",\"dataType\":{\"type\":\"bool\"}}]}", "t: accessMode must be r or rw")]
        [InlineData("{\"properties\":[{\"identifier\":\"t\",\"dataType\":{\"type\":\"bool\"}}],\"events\":[{\"identifier\":\"t\"}]}", "identifier t is defined twice")]
        public void ABadFileIsRefusedWithItsReason(string json, string reason)
        {
            FormatException ex = Assert.Throws<FormatException>(() => ThingModel.Parse(json));
            Assert.Contains(reason, ex.Message);
        }

        [Fact]
        public void TheCommandWritesTheFileAndSaysHowToImportIt()
        {
            string path = Path.Combine(Path.GetTempPath(), "model-" + Guid.NewGuid().ToString("N") + ".json");
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            try
            {
                int code = Program.Run(new[] { "thing-model", "--config", RepoPaths.Of("nf-config.json"), "--out", path }, stdout, stderr);

                Assert.True(code == Program.Ok, stderr.ToString());
                Assert.Contains("import", stdout.ToString());
                ThingModel model = ThingModel.Load(path);
                Assert.Equal(NodeThingModel.For(Example()).Identifiers, model.Identifiers);
                Assert.Contains("摄氏度 / °C", File.ReadAllText(path, Encoding.UTF8)); // unit text readable, not \u-escaped
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void TheCommandWarnsOfEveryIdentifierOutsideTheDocumentedRule()
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            Assert.Equal(Program.Ok, Program.Run(new[] { "thing-model", "--config", RepoPaths.Of("nf-config.json") }, stdout, stderr));

            string[] offending = ThingModel.Parse(stdout.ToString()).Identifiers.Where(id => !TextRules.IsIdentifier(id)).ToArray();
            Assert.Equal(offending.Select(OneNetFirmware.Cli.Commands.ThingModelCommand.Warning), stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
            Assert.DoesNotContain("temperature", stderr.ToString());
        }

        [Fact]
        public void TheCommandRefusesAnInvalidConfiguration()
        {
            var stderr = new StringWriter();

            Assert.Equal(Program.Failed, Program.Run(new[] { "thing-model", "--config", "/nonexistent/nf-config.json" }, new StringWriter(), stderr));
            Assert.Contains("nf-config.json", stderr.ToString());
        }

        [Fact]
        public void TheDocumentedTableIsTheCommandsModel()
        {
            // Trimmed, so the table may also be indented (as part of a numbered step).
            string doc = string.Join("\n", File.ReadAllLines(RepoPaths.Of("docs", "thing-model.md")).Select(l => l.Trim())) + "\n";
            string table = MarkdownTable(NodeThingModel.Build(Example()));

            Assert.True(doc.Contains(table), "docs/thing-model.md's table differs from `thing-model --config nf-config.json`; it should read:\n" + table);
        }

        /// <summary>The documented table of a model: one row per identifier.</summary>
        private static string MarkdownTable(JsonObject model)
        {
            var text = new StringBuilder("| identifier | kind | type | unit | range | access |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (JsonNode p in model["properties"].AsArray())
            {
                JsonNode specs = p["dataType"]["specs"];
                string type = (string)p["dataType"]["type"];
                string unit = ThingModel.UnitSymbol((string)specs["unit"]) ?? "";
                string range = specs["min"] != null ? specs["min"] + " … " + specs["max"] : specs["length"] != null ? "≤ " + specs["length"] + " chars" : "";
                text.Append("| `").Append(p["identifier"]).Append("` | property | ").Append(type).Append(" | ").Append(unit).Append(" | ").Append(range)
                    .Append(" | ").Append((string)p["accessMode"] == "rw" ? "read/write" : "read").Append(" |\n");
            }
            foreach (JsonNode e in model["events"].AsArray())
            {
                string outputs = string.Join(", ", e["outputData"].AsArray().Select(o => "`" + o["identifier"] + "` (" + o["dataType"]["type"] + ")"));
                text.Append("| `").Append(e["identifier"]).Append("` | event | ").Append(outputs).Append(" | | | |\n");
            }
            foreach (JsonNode s in model["services"].AsArray())
            {
                text.Append("| `").Append(s["identifier"]).Append("` | service | no parameters | | | call |\n");
            }
            return text.ToString();
        }

        private static JsonElement Value(string json) => JsonDocument.Parse(json).RootElement.Clone();
    }
}
