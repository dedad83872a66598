using Microsoft.Playwright;
using SocialCard.Web.Tests.Browser;

namespace SocialCard.Web.Tests.Wizard.Browser;

/// <summary>The shared <see cref="BrowserHost"/> (Kestrel on a loopback port, Debian chromium) over an
/// <see cref="ApplicantSite"/> seeded with <see cref="ApplicantData"/>.</summary>
public sealed class ApplicantBrowserSite : BrowserHost
{
    public ApplicantBrowserSite()
        : base(new ApplicantSite())
    {
    }

    public ApplicantSite Applicant => (ApplicantSite)Site;

    public Task<IPage> NewPageAsync(ViewportSize viewport, bool mobile) => NewPageAsync(viewport.Width, viewport.Height, mobile);

    protected override Task OnStartedAsync() => Applicant.EnsureSeededAsync();
}
