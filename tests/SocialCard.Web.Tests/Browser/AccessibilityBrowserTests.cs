using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// axe-core over every page a visitor, a unit and each kind of centre staff opens, at desktop and at phone size:
/// no serious or critical violation. The figures per page go to the test output; the report to
/// bin/.../screenshots/axe-report.txt.
/// </summary>
public sealed class AccessibilityBrowserTests(PortalBrowserHost host, ITestOutputHelper output) : IClassFixture<PortalBrowserHost>
{
    private static readonly string[] PublicPages = ["/", "/portal/login", "/console/login", "/status", "/no-such-page"];

    private static readonly string[] PortalPages = ["/portal", "/portal/bulk", "/portal/failures", "/portal/card-failures", "/portal/people", "/portal/password", "/portal/clerks"];

    private static readonly string[] ConsolePages =
    [
        "/console", "/console/queue", "/console/queue?filter=all", "/console/exchange", "/console/applications", "/console/people",
        "/console/pickup", "/console/counter", "/console/registry", "/console/audit", "/console/password", "/console/password-reset",
        "/console/units", "/console/staff",
    ];

    /// <summary>Only the violations carry every node; passes and the rest one node each (axe's resultTypes): the same
    /// rules run, the same violations are found, the results are smaller to gather and to send.</summary>
    private static readonly AxeRunOptions ViolationsInFull = new() { ResultTypes = [ResultType.Violations] };

    public static TheoryData<string, int, int> Sizes() => new()
    {
        { "desktop", 1280, 900 },
        { "phone", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_page_has_no_serious_or_critical_violation(string size, int width, int height)
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        var findings = new List<string>();
        var counts = new List<string>();

        IPage visitor = await host.NewPageAsync(width, height, mobile: width < 600);
        await CheckAllAsync(visitor, PublicPages, size, findings, counts);

        IPage unit = await host.NewPageAsync(width, height, mobile: width < 600);
        await unit.GotoAsync("/portal/login");
        await unit.FillAsync("#UnitCode", host.UnitA);
        await unit.FillAsync("#Password", DemoSite.Password);
        await unit.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(unit, "**/portal");
        await CheckAllAsync(unit, PortalPages, size, findings, counts);

        IPage admin = await host.NewPageAsync(width, height, mobile: width < 600);
        await StaffSignIn.SignInAsync(admin, "demo-admin");
        await CheckAllAsync(admin, [.. ConsolePages, "/console/units/" + (await host.Demo.UnitsAsync())[0].Id], size, findings, counts);
        await CheckAllAsync(admin, [$"/console/counter?unit={host.UnitA}&q={host.Numbers[0]}", $"/console/counter/person?unit={host.UnitA}&number={host.Numbers[0]}"],
            size, findings, counts);

        string report = string.Join('\n', counts) + "\n\n" + string.Join('\n', findings);
        await File.WriteAllTextAsync(Path.Combine(BrowserHost.ScreenshotDirectory, $"axe-report-{size}.txt"), report);
        output.WriteLine(report);
        Assert.True(findings.Count == 0, report);
    }

    private static async Task CheckAllAsync(IPage page, IEnumerable<string> paths, string size, List<string> findings, List<string> counts)
    {
        foreach (string path in paths)
        {
            await page.GotoAsync(path);
            await page.Locator("main").WaitForAsync();
            AxeResult result = await page.RunAxe(ViolationsInFull);
            var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            counts.Add($"{size} {path}: {result.Violations.Length} violation(s), {bad.Count} serious or critical, {result.Passes.Length} rules passed");
            foreach (AxeResultItem v in bad)
            {
                findings.Add($"{size} {path}: [{v.Impact}] {v.Id}: {v.Help} ({v.Nodes.Length}x) e.g. {v.Nodes.FirstOrDefault()?.Html}");
            }
        }
    }
}
