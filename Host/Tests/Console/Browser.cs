using System;
using System.IO;
using System.Linq;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace OneNetFirmware.Host.Tests.WebConsole;

/// <summary>
/// Debian's headless chromium driven by its chromedriver (docs/console.md "Browser tests"). The flags keep it off the
/// network (the machines have none, and lookups would hang it); a fresh profile per session.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromedriverPath = "/usr/bin/chromedriver";

    private readonly string _profile;
    public ChromeDriver Driver { get; }

    public Browser(int width = 1366, int height = 900)
    {
        // Missing tools fail loudly here and in CI (.ci/run installs them): a browser test never skips itself.
        if (!File.Exists(ChromiumPath) || !File.Exists(ChromedriverPath))
        {
            throw new InvalidOperationException("the console's browser tests need " + ChromiumPath + " and " + ChromedriverPath
                + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        _profile = Directory.CreateTempSubdirectory("onenet-console-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--window-size=" + width + "," + height, "--user-data-dir=" + _profile);
        ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromedriverPath), Path.GetFileName(ChromedriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits (bounded) until the condition holds; the failure names what was awaited and the page's status line.</summary>
    public T Until<T>(string what, Func<IWebDriver, T> condition, int seconds = 20)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(condition);
        }
        catch (WebDriverTimeoutException)
        {
            string status = Driver.FindElements(By.Id("status")).Count > 0 ? Driver.FindElement(By.Id("status")).Text : "(no status)";
            throw new Xunit.Sdk.XunitException("timed out waiting for " + what + "; page status: " + status + "; result: "
                + string.Join(" ", Driver.FindElements(By.Id("command-result")).Select(e => e.Text)));
        }
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // chromium may still hold a file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
