using Microsoft.Playwright;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// Launches Debian's chromium through Playwright's driver (shipped inside the NuGet package). Playwright never
/// downloads a browser here: the executable path is given, and the install command is never called.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(ExecutablePath);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
            Timeout = 60_000,
        });
        return (playwright, browser);
    }

    /// <summary>Screenshots go under the test output folder: bin/.../screenshots/&lt;name&gt;.png.</summary>
    public static string ScreenshotPath(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }
}
