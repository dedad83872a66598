using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// Reusable browser fixture: the real host on a Kestrel loopback port (not TestServer) with its own temp SQLite
/// database, and one headless Debian chromium (never a downloaded browser). Use as an xunit class fixture, or derive
/// and pass a configured <see cref="SiteFactory"/> (for example a <see cref="DemoSite"/>) to the constructor.
/// </summary>
/// <remarks>
/// API: <see cref="StartAsync"/> (xunit calls it through <see cref="IAsyncLifetime"/>), <see cref="BaseAddress"/>,
/// <see cref="NewPageAsync(int, int, bool)"/>, <see cref="ScreenshotDirectory"/> / <see cref="ScreenshotPath"/>.
/// </remarks>
public class BrowserHost : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<IBrowserContext> _contexts = [];

    public BrowserHost()
        : this(new SiteFactory())
    {
    }

    protected BrowserHost(SiteFactory site) => Site = site;

    /// <summary>
    /// How long a page may take before a step counts as failed. Tests wait for what a page shows (an element, a
    /// message), never for a time; this is only the bound after which waiting is given up. It is wide because eight
    /// builds and test runs share two cores here: a fix or a 50-photo check can take minutes there.
    /// </summary>
    public static TimeSpan PageBound { get; } = TimeSpan.FromMinutes(4);

    /// <summary>The host. Its <see cref="SiteFactory.Settings"/> can be changed until <see cref="StartAsync"/>.</summary>
    public SiteFactory Site { get; }

    /// <summary>http://127.0.0.1:&lt;port&gt;/ of the running Kestrel server.</summary>
    public Uri BaseAddress => Site.BaseAddress;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("BrowserHost not started");

    /// <summary>Screenshots (and other artefacts) go under the test output folder: bin/.../screenshots/.</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            string dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string ScreenshotPath(string name) => Path.Combine(ScreenshotDirectory, name + ".png");

    /// <summary>Starts the app on Kestrel, runs <see cref="OnStartedAsync"/>, launches chromium.</summary>
    public async Task StartAsync()
    {
        if (_browser is not null)
        {
            return;
        }

        Site.StartOnKestrel();
        await OnStartedAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh browser context (own cookies) and page, zh-CN, with the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool mobile = false)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = mobile,
            HasTouch = mobile,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout((float)PageBound.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)PageBound.TotalMilliseconds);
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>Full-page screenshot into <see cref="ScreenshotDirectory"/>; returns the file path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        string path = ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Seeding or other set-up after the server listens and before the browser starts.</summary>
    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        foreach (IBrowserContext context in _contexts)
        {
            await context.CloseAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}
