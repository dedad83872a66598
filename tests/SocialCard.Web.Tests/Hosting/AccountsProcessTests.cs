using System.Net;
using System.Text.RegularExpressions;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>The accounts desks on the site as <c>./run.sh</c> starts it (a separate process): an administrator creates a
/// unit and a clerk's own login, the clerk signs in with unit code + own login and is held on the password change,
/// and the demo's shared unit logins keep working beside it.</summary>
public sealed partial class AccountsProcessTests
{
    [GeneratedRegex("id=\"account-temporary\">([^<]+)<")]
    private static partial Regex TemporaryPattern();

    [GeneratedRegex("data-code=\"([0-9]+)\"")]
    private static partial Regex UnitCodePattern();

    [Fact]
    public async Task A_clerk_login_made_on_the_started_site_signs_in_beside_the_shared_unit_logins()
    {
        await using var site = new SiteProcess();
        site.Arguments.Add("--Site:WarmUpOnStart");
        site.Arguments.Add("false");
        await site.StartAsync();

        using HttpClient admin = site.CreateClient();
        await FormPost.SignInStaffAsync(admin, "demo-admin", DemoSite.Password);
        HttpResponseMessage created = await FormPost.PostAsync(admin, "/console/units",
            new Dictionary<string, string> { ["Code"] = "930001", ["Name"] = "进程测试有限公司", ["ParentCode"] = "" });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"create unit: {(int)created.StatusCode}\n{site.Output}");
        string unitPage = created.Headers.Location!.OriginalString.Split('?')[0];
        HttpResponseMessage issued = await FormPost.PostAsync(admin, unitPage,
            new Dictionary<string, string> { ["ClerkLogin"] = "chen", ["ClerkName"] = "陈经办", ["Role"] = "Clerk" }, unitPage + "?handler=Account");
        string temporary = TemporaryPattern().Match(await issued.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(12, temporary.Length);

        using HttpClient clerk = site.CreateClient();
        HttpResponseMessage signedIn = await FormPost.PostAsync(clerk, "/portal/login",
            new Dictionary<string, string> { ["UnitCode"] = "930001", ["ClerkLogin"] = "chen", ["Password"] = temporary });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/portal/password", (await clerk.GetAsync("/portal")).Headers.Location?.OriginalString);

        // A demo unit signs in with its code and shared password as before, as its own administrator.
        string demoUnit = UnitCodePattern().Match(await admin.GetStringAsync("/console/units")).Groups[1].Value;
        using HttpClient unit = site.CreateClient();
        await FormPost.SignInUnitAsync(unit, demoUnit, DemoSite.Password);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync("/portal/clerks")).StatusCode);
    }
}
