using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.Host.Tests.Node;
using OpenQA.Selenium;
using Xunit;

namespace OneNetFirmware.Host.Tests.WebConsole;

/// <summary>One emulator, node and headless chromium for the browser tests of the class (starting chromium is slow).</summary>
public sealed class ConsoleSession : IAsyncLifetime
{
    public ConsoleNode Node { get; private set; }
    public Browser Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Node = await ConsoleNode.StartAsync();
        Browser = new Browser();
    }

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        if (Node != null) await Node.DisposeAsync();
    }
}

/// <summary>
/// The console in a real browser against the real node: the device shows online, its values and chart follow the
/// sensor, a relay set from the page reaches the node's pin and the reply shows, a refused set shows the platform's error.
/// </summary>
public class ConsoleBrowserTests : IClassFixture<ConsoleSession>
{
    private const string Device = TestEmulator.ProductId + "/" + TestEmulator.DeviceName;
    private readonly ConsoleSession _s;

    public ConsoleBrowserTests(ConsoleSession session)
    {
        _s = session;
        _s.Browser.Driver.Navigate().GoToUrl(_s.Node.Url);
        _s.Browser.Until("the device listed online", d => d.FindElement(By.CssSelector("#devices li[data-device='" + Device + "']")).GetAttribute("class").Contains("online"));
    }

    private IWebElement Card(string identifier) => _s.Browser.Driver.FindElement(By.CssSelector(".prop[data-id='" + identifier + "']"));

    [Fact]
    public void TheDeviceShowsOnlineWithItsConnectCount()
    {
        Assert.Equal("online", _s.Browser.Driver.FindElement(By.Id("device-state")).Text);
        Assert.Contains("1 connects", _s.Browser.Driver.FindElement(By.Id("device-facts")).Text);
    }

    [Fact]
    public void APropertysValueAndChartFollowTheSensor()
    {
        _s.Browser.Until("temperature 22.5", d => Card("temperature").FindElement(By.CssSelector(".value")).Text == "22.5");
        Assert.Equal("°C", Card("temperature").FindElement(By.CssSelector(".unit")).Text);
        _s.Browser.Until("a temperature chart", d => Card("temperature").FindElement(By.CssSelector(".chart")).GetAttribute("data-points") != null);
        int before = int.Parse(Card("temperature").FindElement(By.CssSelector(".chart")).GetAttribute("data-points"));
        Assert.NotEmpty(Card("temperature").FindElements(By.CssSelector(".chart canvas")));

        _s.Node.Chip.Temperature = 30;

        _s.Browser.Until("temperature 30", d => Card("temperature").FindElement(By.CssSelector(".value")).Text == "30");
        _s.Browser.Until("more chart points", d => int.Parse(Card("temperature").FindElement(By.CssSelector(".chart")).GetAttribute("data-points")) > before);
    }

    [Fact]
    public void ARelaySetFromThePageReachesTheNodeAndItsReplyShows()
    {
        Assert.False(_s.Node.Gpio.Read(NodeHarness.RelayPin));
        IWebDriver d = _s.Browser.Driver;
        _s.Browser.Until("the relay1 field", x => x.FindElement(By.CssSelector("#set-fields select[data-id='relay1']"))).FindElement(By.XPath("option[.='true']")).Click();
        d.FindElement(By.Id("set-send")).Click();

        _s.Browser.Until("the device's reply", x => x.FindElement(By.Id("command-result")).Text.Contains("device replied 200"));
        Assert.True(_s.Node.Gpio.Read(NodeHarness.RelayPin));
        _s.Browser.Until("the reply in the downlink table", x =>
            x.FindElements(By.CssSelector("#downlinks tbody tr")).Any(r => r.Text.Contains("property/set") && r.Text.Contains("relay1") && r.Text.Contains("200 success")));
        SaveScreenshotWhenAsked();
    }

    [Fact]
    public void ARefusedSetShowsThePlatformsError()
    {
        IWebDriver d = _s.Browser.Driver;
        IWebElement json = d.FindElement(By.Id("set-json"));
        json.Clear();
        json.SendKeys("{\"report_interval\":0}");
        d.FindElement(By.Id("set-send")).Click();
        _s.Browser.Until("the platform's range error", x => x.FindElement(By.Id("command-result")).Text.Contains("report_interval: 0 is below min 1"));
        Assert.Contains("refused by the platform (HTTP 400)", d.FindElement(By.Id("command-result")).Text);

        json.Clear();
        json.SendKeys("{\"temperature\":5}");
        d.FindElement(By.Id("set-send")).Click();
        _s.Browser.Until("the platform's access error", x => x.FindElement(By.Id("command-result")).Text.Contains("temperature: not a writable property of the thing model"));
        json.Clear();
    }

    [Fact]
    public void TheCommandFormsAreBuiltFromTheModelsDataTypesAndServiceInputs()
    {
        IWebDriver d = _s.Browser.Driver;
        IWebElement interval = _s.Browser.Until("the report_interval field", x => x.FindElement(By.CssSelector("#set-fields input[data-id='report_interval']")));
        Assert.Equal(("1", "86400", "1"), (interval.GetAttribute("min"), interval.GetAttribute("max"), interval.GetAttribute("step")));
        Assert.Equal("s", interval.FindElement(By.XPath("following-sibling::span")).Text.Trim()); // "秒 / s" in the model
        Assert.NotNull(d.FindElement(By.CssSelector("#desired-fields select[data-id='relay1']")));

        d.FindElement(By.Id("invoke-service")).SendKeys("blink");
        IWebElement times = _s.Browser.Until("the blink input field", x => x.FindElement(By.CssSelector("#invoke-fields input[data-id='times']")));
        Assert.Equal(("1", "10"), (times.GetAttribute("min"), times.GetAttribute("max")));
        times.SendKeys("11");
        Assert.Single(d.FindElements(By.CssSelector("#invoke-fields input:invalid"))); // above max: the browser will not submit it

        times.Clear();
        times.SendKeys("3");
        d.FindElement(By.CssSelector("#invoke-form button[type='submit']")).Click();
        _s.Browser.Until("the invoke with its input in the downlink table", x =>
            x.FindElements(By.CssSelector("#downlinks tbody tr")).Any(r => r.Text.Contains("service/blink/invoke") && r.Text.Contains("{\"times\":3}")));
        times.Clear();
        d.FindElement(By.Id("invoke-service")).Clear();
    }

    /// <summary>
    /// docs/console.png: `ONENET_CONSOLE_SCREENSHOT=$PWD/docs/console.png dotnet test Host/Tests/OneNetFirmware.Host.Tests.csproj
    /// --filter "FullyQualifiedName~ARelaySetFromThePage"` (docs/console.md).
    /// </summary>
    private void SaveScreenshotWhenAsked()
    {
        string path = Environment.GetEnvironmentVariable("ONENET_CONSOLE_SCREENSHOT");
        if (string.IsNullOrEmpty(path)) return;
        _s.Browser.Until("a humidity chart", x => Card("humidity").FindElements(By.CssSelector(".chart canvas")).Count > 0);
        ((ITakesScreenshot)_s.Browser.Driver).GetScreenshot().SaveAsFile(path);
    }
}
