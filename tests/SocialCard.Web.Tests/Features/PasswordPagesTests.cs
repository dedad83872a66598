using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Features;

/// <summary>Password change by the signed-in unit or staff member, and reset of a unit's password by an administrator,
/// through the pages with the Platform's real accounts.</summary>
public sealed partial class PasswordPagesTests(DemoSite site) : IClassFixture<DemoSite>
{
    [GeneratedRegex("id=\"password-temporary\">([^<]+)<")]
    private static partial Regex TemporaryPattern();

    [Fact]
    public async Task A_unit_changes_its_password_its_other_sign_ins_end_and_the_new_one_works()
    {
        string unit = (await site.UnitsAsync())[0].Code;
        using HttpClient here = site.CreateBrowserLikeClient();
        using HttpClient elsewhere = site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(here, unit, DemoSite.Password);
        await FormPost.SignInUnitAsync(elsewhere, unit, DemoSite.Password);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/portal/password")).StatusCode);
        await AssertRefusedAsync(here, "/portal/password", "wrong-current-1", "brand-new-pass-1", "brand-new-pass-1", "当前密码不对");
        await AssertRefusedAsync(here, "/portal/password", DemoSite.Password, "short", "short", "新密码太短");
        await AssertRefusedAsync(here, "/portal/password", DemoSite.Password, unit, unit, "不能与账号相同");
        await AssertRefusedAsync(here, "/portal/password", DemoSite.Password, "brand-new-pass-1", "brand-new-pass-2", "两次输入的新密码不一致");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/portal")).StatusCode);

        HttpResponseMessage changed = await Change(here, "/portal/password", DemoSite.Password, "brand-new-pass-1", "brand-new-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("密码已修改", await here.GetStringAsync(changed.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/portal")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/portal")).StatusCode);

        using HttpClient fresh = site.CreateBrowserLikeClient();
        HttpResponseMessage old = await FormPost.PostAsync(fresh, "/portal/login", new Dictionary<string, string> { ["UnitCode"] = unit, ["Password"] = DemoSite.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await FormPost.SignInUnitAsync(fresh, unit, "brand-new-pass-1");

        await using PlatformDbContext db = site.Database.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PasswordChanged && e.Actor == "unit:" + unit));
    }

    [Fact]
    public async Task Staff_change_their_own_password_from_the_console()
    {
        using HttpClient client = site.CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(client, "clerk", DemoSite.Password);
        HttpResponseMessage changed = await Change(client, "/console/password", DemoSite.Password, "clerk-new-pass-1", "clerk-new-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using HttpClient fresh = site.CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(fresh, "clerk", "clerk-new-pass-1");
    }

    [Fact]
    public async Task Only_an_admin_resets_a_unit_password_and_the_unit_must_change_it_before_anything_else_opens()
    {
        string unit = (await site.UnitsAsync())[1].Code;
        using HttpClient reviewer = site.CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(reviewer, "reviewer", DemoSite.Password);
        HttpResponseMessage denied = await reviewer.GetAsync("/console/password-reset");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.DoesNotContain("password-reset", await (await reviewer.GetAsync("/console")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using HttpClient signedIn = site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(signedIn, unit, DemoSite.Password);

        using HttpClient admin = site.CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(admin, "demo-admin", DemoSite.Password);
        HttpResponseMessage unknown = await FormPost.PostAsync(admin, "/console/password-reset", new Dictionary<string, string> { ["UnitCode"] = "0000000000" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("没有这个单位账号", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        HttpResponseMessage reset = await FormPost.PostAsync(admin, "/console/password-reset", new Dictionary<string, string> { ["UnitCode"] = unit });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        string temporary = TemporaryPattern().Match(await reset.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(12, temporary.Length);

        // The unit's sign-ins ended; the temporary password opens only the password change.
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.GetAsync("/portal")).StatusCode);
        using HttpClient client = site.CreateBrowserLikeClient();
        await FormPost.SignInUnitAsync(client, unit, temporary);
        foreach (string path in new[] { "/portal", "/portal/people", "/portal/bulk" })
        {
            HttpResponseMessage held = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
            Assert.Equal("/portal/password", held.Headers.Location?.OriginalString);
        }

        Assert.Contains("临时密码", await client.GetStringAsync("/portal/password"), StringComparison.Ordinal);
        HttpResponseMessage changed = await Change(client, "/portal/password", temporary, "unit-own-pass-1", "unit-own-pass-1");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal/people")).StatusCode);

        await using PlatformDbContext db = site.Database.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.PasswordReset && e.Actor == "staff:demo-admin"));
        string audit = await admin.GetStringAsync("/console/audit");
        Assert.Contains("重置密码", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(temporary, audit, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Change(HttpClient client, string page, string current, string next, string again) =>
        FormPost.PostAsync(client, page, new Dictionary<string, string> { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = again });

    private static async Task AssertRefusedAsync(HttpClient client, string page, string current, string next, string again, string message)
    {
        HttpResponseMessage response = await Change(client, page, current, next, again);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
