using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OneNetFirmware.Cli.Commands;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Host.Tests.Mqtt;
using OneNetFirmware.Host.Tests;
using Xunit;

namespace OneNetFirmware.Host.Tests.WebConsole;

/// <summary>The console's HTTP side without a browser: what the page reads, the assets, the download and the token.</summary>
public class ConsoleApiTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private static Task<TestEmulator> Start(Action<EmulatorOptions> more = null) => TestEmulator.StartAsync(o =>
    {
        o.HttpPort = FreePort.Next();
        o.ThingModel = ConsoleNode.Model;
        more?.Invoke(o);
    });

    private static string Base(TestEmulator t) => "http://127.0.0.1:" + t.Emulator.Options.HttpPort + "/";

    private static async Task<JsonElement> Get(string url)
    {
        using JsonDocument doc = JsonDocument.Parse(await Http.GetStringAsync(url));
        return doc.RootElement.Clone();
    }

    private static void Post(MqttNetLink link, string topic, string json) => Assert.True(link.Publish(topic, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetByteCount(json), 0));

    [Fact]
    public async Task BackFilledHistoryPointsAreChartedAtTheirOriginalTimes()
    {
        await using TestEmulator t = await Start();
        (MqttNetLink link, RecordingListener listener) = t.Connect();
        using (link)
        {
            long now = t.Now.ToUnixTimeMilliseconds(), hourAgo = now - 3_600_000, twoHoursAgo = now - 7_200_000;
            Post(link, t.Prefix + "thing/property/post", "{\"id\":\"1\",\"params\":{\"temperature\":{\"value\":23.5,\"time\":" + now + "}}}");
            listener.Next(t.Prefix + "thing/property/post/reply");
            // The outage's readings arrive after the live one, newest first: the chart still runs in the device's time.
            Post(link, t.Prefix + "thing/history/post", "{\"id\":\"2\",\"params\":[{\"properties\":{\"temperature\":[{\"value\":22,\"time\":" + hourAgo
                + "},{\"value\":21,\"time\":" + twoHoursAgo + "}]}}],\"version\":\"1.0\"}");
            listener.Next(t.Prefix + "thing/history/post/reply");
            Post(link, t.Prefix + "thing/event/post", "{\"id\":\"3\",\"params\":{\"door\":{\"value\":{\"open\":true},\"time\":" + now + "}}}");
            listener.Next(t.Prefix + "thing/event/post/reply");

            JsonElement device = await Get(Base(t) + "console/api/devices/" + TestEmulator.ProductId + "/" + TestEmulator.DeviceName);

            JsonElement temperature = device.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("identifier").GetString() == "temperature");
            Assert.Equal(new[] { twoHoursAgo, hourAgo, now }, temperature.GetProperty("history").EnumerateArray().Select(p => p[0].GetInt64()));
            Assert.Equal(new[] { 21.0, 22.0, 23.5 }, temperature.GetProperty("history").EnumerateArray().Select(p => p[1].GetDouble()));
            Assert.Equal(23.5, temperature.GetProperty("value").GetDouble());
            Assert.Equal("°C", temperature.GetProperty("unit").GetString());
            JsonElement door = Assert.Single(device.GetProperty("events").EnumerateArray());
            Assert.Equal("door", door.GetProperty("identifier").GetString());
            Assert.True(door.GetProperty("params").GetProperty("open").GetBoolean());
            Assert.True(device.GetProperty("online").GetBoolean());
        }
    }

    [Fact]
    public async Task TheDeviceListShowsRefusalsWithTheirReason()
    {
        await using TestEmulator t = await Start();
        var link = new MqttNetLink();
        Assert.NotEqual(0, link.Connect(t.Options(password: "version=2018-10-31&res=products%2FTestProd01%2Fdevices%2Fnode-01&et=1&method=sha256&sign=AAAA")));

        JsonElement devices = await Get(Base(t) + "console/api/devices");

        JsonElement node = devices.EnumerateArray().Single(d => d.GetProperty("deviceName").GetString() == TestEmulator.DeviceName);
        Assert.False(node.GetProperty("online").GetBoolean());
        Assert.Equal(0, node.GetProperty("connects").GetInt32());
        Assert.StartsWith("refused with CONNACK 5", node.GetProperty("refusals")[0].GetProperty("what").GetString());
    }

    [Fact]
    public async Task TheSameNameInAnotherProductIsListedAsAnotherDevice()
    {
        const string OtherProduct = "OtherProd1";
        await using TestEmulator t = await Start(o => o.Devices.Add(new RegisteredDevice(OtherProduct, TestEmulator.DeviceName, TestEmulator.OtherKey)));
        using var link = new MqttNetLink();
        Assert.Equal(0, link.Connect(t.Options(userName: OtherProduct,
            password: Tokens.Make("products/" + OtherProduct + "/devices/" + TestEmulator.DeviceName, t.FutureEt, "sha256", TestEmulator.OtherKey))));

        JsonElement[] devices = (await Get(Base(t) + "console/api/devices")).EnumerateArray()
            .Where(d => d.GetProperty("deviceName").GetString() == TestEmulator.DeviceName).ToArray();

        JsonElement mine = devices.Single(d => d.GetProperty("productId").GetString() == TestEmulator.ProductId);
        JsonElement other = devices.Single(d => d.GetProperty("productId").GetString() == OtherProduct);
        Assert.False(mine.GetProperty("online").GetBoolean());
        Assert.Equal(0, mine.GetProperty("connects").GetInt32());
        Assert.True(other.GetProperty("online").GetBoolean());
        Assert.Equal(1, other.GetProperty("connects").GetInt32());
    }

    [Fact]
    public async Task ASecondLoginCountsAsAKickOfTheFirst()
    {
        await using TestEmulator t = await Start();
        using var first = new MqttNetLink();
        using var second = new MqttNetLink();
        Assert.Equal(0, first.Connect(t.Options()));
        Assert.Equal(0, second.Connect(t.Options()));

        JsonElement node = default;
        for (int attempt = 0; attempt < 50; attempt++)
        {
            node = (await Get(Base(t) + "console/api/devices")).EnumerateArray().Single(d => d.GetProperty("deviceName").GetString() == TestEmulator.DeviceName);
            if (node.GetProperty("kicks").GetInt32() > 0) break;
            await Task.Delay(100); // the takeover is reported on MQTTnet's thread
        }

        Assert.Equal(1, node.GetProperty("kicks").GetInt32());
        Assert.Equal(2, node.GetProperty("connects").GetInt32());
        Assert.True(node.GetProperty("online").GetBoolean());
        Assert.Equal(0, node.GetProperty("bans").GetInt32());
    }

    [Fact]
    public async Task ThePageAndUPlotAreServedFromTheAssembly()
    {
        await using TestEmulator t = await Start();

        string page = await Http.GetStringAsync(Base(t));
        using HttpResponseMessage uplot = await Http.GetAsync(Base(t) + "console/assets/uPlot.iife.min.js");

        Assert.Contains("/console/assets/uPlot.iife.min.js", page);
        Assert.Equal("text/javascript", uplot.Content.Headers.ContentType.MediaType);
        Assert.Contains("uPlot", await uplot.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(Base(t) + "console/assets/..%2FREADME.md")).StatusCode);
    }

    [Fact]
    public async Task TheThingModelDownloadIsTheModelsFileForTheDevicesProduct()
    {
        await using TestEmulator t = await Start();

        using HttpResponseMessage response = await Http.GetAsync(Base(t) + "console/api/thing-model?productId=OtherProd1");
        JsonNode file = JsonNode.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("OtherProd1", (string)file["profile"]["productId"]);
        file.AsObject().Remove("profile");
        Assert.True(JsonNode.DeepEquals(ConsoleNode.Model.ToOneNetFile(null), file), file.ToJsonString()); // the units as written: "摄氏度 / °C"
    }

    [Fact]
    public async Task ForAConfigurationTheDownloadIsWhatTheThingModelCommandWrites()
    {
        NodeConfig config = OneNetFirmware.Host.Config.ConfigFile.Load(RepoPaths.Of("nf-config.json")).Config;
        await using TestEmulator t = await Start(o => o.ThingModel = NodeThingModel.For(config));

        string download = await Http.GetStringAsync(Base(t) + "console/api/thing-model?productId=" + config.OneNet.ProductId);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ThingModelCommand.Text(config)), JsonNode.Parse(download)), download);
    }

    [Fact]
    public async Task TheDeviceViewShowsTheUnitsSymbolAndTheModelsTypes()
    {
        await using TestEmulator t = await Start();

        JsonElement device = await Get(Base(t) + "console/api/devices/" + TestEmulator.ProductId + "/" + TestEmulator.DeviceName);

        JsonElement[] properties = device.GetProperty("properties").EnumerateArray().ToArray();
        string UnitOf(string id) => properties.Single(p => p.GetProperty("identifier").GetString() == id).GetProperty("unit").GetString();
        Assert.Equal("°C", UnitOf("temperature")); // "摄氏度 / °C" in the file
        Assert.Equal("%RH", UnitOf("humidity"));   // a bare symbol stays
        JsonElement model = device.GetProperty("model");
        JsonElement interval = model.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("identifier").GetString() == "report_interval");
        Assert.Equal(86400, interval.GetProperty("dataType").GetProperty("max").GetDouble());
        Assert.Equal(1, interval.GetProperty("dataType").GetProperty("step").GetDouble());
        JsonElement blink = model.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("identifier").GetString() == "blink");
        Assert.Equal("times", Assert.Single(blink.GetProperty("inputs").EnumerateArray()).GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task DesiredValuesAreCheckedAgainstTheThingModelAndNoneIsStoredWhenOneFails()
    {
        await using TestEmulator t = await Start(); // ConsoleNode.Model: relay1 bool, report_interval int32 1…86400
        string url = Base(t) + "devices/" + TestEmulator.ProductId + "/" + TestEmulator.DeviceName + "/desired";

        foreach (string body in new[] { "{\"relay1\":true,\"report_interval\":0}", "{\"relay1\":true,\"nope\":1}", "{\"relay1\":\"on\"}" })
        {
            using HttpResponseMessage refused = await Http.PostAsync(url, new StringContent(body));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Null(t.Emulator.Desired(TestEmulator.ProductId, TestEmulator.DeviceName, "relay1")); // nothing stored
        }
        using HttpResponseMessage stored = await Http.PostAsync(url, new StringContent("{\"relay1\":true,\"report_interval\":30}"));
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(1, t.Emulator.Desired(TestEmulator.ProductId, TestEmulator.DeviceName, "report_interval")?.Version);
        Assert.Throws<ArgumentException>(() => t.Emulator.SetDesired(TestEmulator.ProductId, TestEmulator.DeviceName, "temperature", JsonValue.Create(500)));
    }

    [Fact]
    public async Task OnLoopbackWritesNeedNoToken()
    {
        await using TestEmulator t = await Start();

        using HttpResponseMessage set = await Http.PostAsync(Base(t) + "devices/" + TestEmulator.ProductId + "/" + TestEmulator.DeviceName + "/property/set",
            new StringContent("{\"relay1\":true}"));

        Assert.DoesNotContain("token", t.Emulator.ConsoleUrl);
        Assert.Equal(HttpStatusCode.Conflict, set.StatusCode); // past the token check: the device is offline
    }

    [Fact]
    public async Task BoundBeyondLoopbackEveryWriteNeedsThePrintedToken()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using TestEmulator t = await Start(o =>
        {
            o.HttpBindAddress = IPAddress.Any;
            o.Log = lines.Enqueue;
        });
        string url = t.Emulator.ConsoleUrl;
        string token = url.Substring(url.IndexOf("?token=", StringComparison.Ordinal) + "?token=".Length);
        string set = Base(t) + "devices/" + TestEmulator.ProductId + "/" + TestEmulator.DeviceName + "/property/set";

        using HttpResponseMessage without = await Http.PostAsync(set, new StringContent("{\"relay1\":true}"));
        using HttpResponseMessage wrong = await Http.PostAsync(set + "?token=" + new string('0', token.Length), new StringContent("{\"relay1\":true}"));
        var request = new HttpRequestMessage(HttpMethod.Post, set) { Content = new StringContent("{\"relay1\":true}") };
        request.Headers.Add("X-Console-Token", token);
        using HttpResponseMessage with = await Http.SendAsync(request);
        using HttpResponseMessage read = await Http.GetAsync(Base(t) + "console/api/devices");

        Assert.Equal(32, token.Length);
        Assert.Contains(lines, l => l.Contains(url, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("token", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, with.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
