using Microsoft.Playwright;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>One Kestrel-hosted site and one chromium per test class (xunit class fixture).</summary>
public class BrowserSite : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public SiteFactory Site { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Site.BaseAddress;

    protected virtual void Configure(SiteFactory site)
    {
    }

    public async Task InitializeAsync()
    {
        Configure(Site);
        Site.StartOnKestrel();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}
