using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Codes;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Tests.Wizard;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The applications desk in chromium: a clerk finds a submitted application in the masked list, opens it with its
/// ID-card images, and an operator downloads the export; the auditor sees both in the log.
/// Screenshots: bin/.../screenshots/applications-*.png.
/// </summary>
public sealed class ApplicationsDeskBrowserTests(PortalBrowserHost host) : IClassFixture<PortalBrowserHost>
{
    [Fact]
    public async Task Clerk_opens_an_application_with_its_id_card_images_and_an_operator_exports_it()
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        (string number, string name) = await SubmittedApplicationAsync();

        IPage clerk = await host.NewPageAsync();
        var problems = new PageProblems(clerk);
        await StaffSignIn.SignInAsync(clerk, "clerk");
        await clerk.ClickAsync("#console-nav a[href='/console/applications']");
        await clerk.FillAsync("#apps-q", number);
        await clerk.ClickAsync("form.filters button[type=submit]");
        ILocator row = clerk.Locator($"#applications tr[data-number='{number}']");
        await row.WaitForAsync();
        Assert.DoesNotContain(name, await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await clerk.Locator("#apps-export").CountAsync());
        await BrowserHost.ScreenshotAsync(clerk, "applications-01-list");

        await row.Locator("a.open-application").ClickAsync();
        await clerk.Locator("#application").WaitForAsync();
        Assert.Contains(name, await clerk.Locator("#application").InnerTextAsync(), StringComparison.Ordinal);
        foreach (string image in (string[])["#app-front", "#app-back"])
        {
            await clerk.WaitForFunctionAsync($"() => {{ const i = document.querySelector('{image}'); return i && i.complete && i.naturalWidth > 0; }}");
        }

        await BrowserHost.ScreenshotAsync(clerk, "applications-02-detail");
        Assert.Empty(problems.All);

        IPage op = await host.NewPageAsync();
        await StaffSignIn.SignInAsync(op, "operator");
        await op.GotoAsync("/console/applications");
        IDownload download = await op.RunAndWaitForDownloadAsync(() => op.ClickAsync("#export-csv"));
        string path = Path.Combine(BrowserHost.ScreenshotDirectory, "applications-export.csv");
        await download.SaveAsAsync(path);
        string csv = await File.ReadAllTextAsync(path);
        Assert.Contains(number, csv, StringComparison.Ordinal);
        Assert.Contains(name, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Demo.IdNumbers[number], csv, StringComparison.Ordinal);

        IPage auditor = await host.NewPageAsync();
        await StaffSignIn.SignInAsync(auditor, "auditor");
        await auditor.GotoAsync("/console/audit");
        string log = await auditor.Locator("#audit").InnerTextAsync();
        Assert.Contains("查看申领", log, StringComparison.Ordinal);
        Assert.Contains("导出申领信息", log, StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(auditor, "applications-03-audit");
    }

    /// <summary>A demo person of unit A with an application submitted just now, ID-card images attached.</summary>
    private async Task<(string Number, string Name)> SubmittedApplicationAsync()
    {
        string number = (await host.Demo.PeopleOfAsync((await host.Demo.UnitsAsync())[0].Id, 1))[0];
        await using PlatformDbContext db = host.Demo.Database.CreateDbContext();
        Person person = await db.People.Include(p => p.Unit).SingleAsync(p => p.PersonalNumber == number);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var app = new Application(person, now);
        app.Apply(new ApplicationForm
        {
            IdIssuingAuthority = "苏州市公安局工业园区分局",
            IdValidFrom = new DateOnly(2020, 1, 1),
            IdValidUntil = new DateOnly(2040, 1, 1),
            HouseholdAddress = "苏州工业园区星海街1号",
            ResidentialAddress = "苏州工业园区星海街1号",
            PostalCode = "215021",
            Phone = "13812345678",
            OccupationCode = OccupationCodes.All[0].Code,
            EducationCode = EducationCodes.All[0].Code,
        }, now);
        app.AttachIdImages(SyntheticIdCard.Jpeg(), SyntheticIdCard.Jpeg(angleDegrees: 1), now);
        app.Submit(SocialCard.Platform.Centre.CentreOptions.DefaultBanks[0].Code, "园区支行", now);
        db.Applications.Add(app);
        await db.SaveChangesAsync();
        return (number, person.Name);
    }
}
