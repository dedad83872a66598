using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The demo-seeded site on Kestrel (temp SQLite) for the portal and console journey: unit A has 50 extra registered
/// people whose 10-digit numbers name the devset photos of the package.
/// </summary>
public sealed class PortalBrowserHost : BrowserHost
{
    public PortalBrowserHost()
        : base(new DemoSite())
    {
        Demo.Settings["Security:LoginPermitsPerMinute"] = "1000";
    }

    public DemoSite Demo => (DemoSite)Site;

    public string UnitA { get; private set; } = "";

    public IReadOnlyList<string> Numbers { get; private set; } = [];

    protected override async Task OnStartedAsync()
    {
        IReadOnlyList<(string Code, long Id)> units = await Demo.UnitsAsync();
        UnitA = units[0].Code;
        Numbers = await Demo.PeopleOfAsync(units[0].Id, 50);
    }

    /// <summary>50 devset photos: the 20 compliant ones and 30 with defects a unit commonly sends.</summary>
    public static IReadOnlyList<string> PackageFiles() =>
    [
        .. DevsetPhotos.WithLabel("compliant", 20),
        .. DevsetPhotos.WithLabel("background.color", 8),
        .. DevsetPhotos.WithLabel("exposure.under", 6),
        .. DevsetPhotos.WithLabel("color.grayscale", 6),
        .. DevsetPhotos.WithLabel("lighting.uneven", 5),
        .. DevsetPhotos.WithLabel("face.size", 5),
    ];
}
