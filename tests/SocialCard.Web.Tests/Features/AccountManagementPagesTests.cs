using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Storage;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Features;

/// <summary>The centre's unit register and unit logins, a unit administrator's clerk logins, and staff accounts,
/// through the pages with the Platform's real accounts.</summary>
public sealed partial class AccountManagementPagesTests(DemoSite site) : IClassFixture<DemoSite>
{
    [GeneratedRegex("id=\"account-temporary\">([^<]+)<")]
    private static partial Regex TemporaryPattern();

    [GeneratedRegex("/console/units/([0-9]+)")]
    private static partial Regex UnitIdPattern();

    [Fact]
    public async Task An_administrator_creates_a_unit_and_a_clerk_login_and_that_clerk_manages_the_clerks_of_the_unit_tree()
    {
        using HttpClient admin = await StaffAsync("demo-admin", DemoSite.Password);

        // A unit and a sub-unit; a bad code is refused in words and loses nothing typed.
        HttpResponseMessage bad = await FormPost.PostAsync(admin, "/console/units", new Dictionary<string, string> { ["Code"] = "91 00", ["Name"] = "新单位" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        string badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("单位代码只能由字母、数字和连字符组成", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"新单位\"", badHtml, StringComparison.Ordinal);
        long top = await CreateUnitAsync(admin, "910001", "苏州测试科技有限公司", "");
        long sub = await CreateUnitAsync(admin, "910001-01", "研发部", "910001");
        Assert.Contains("研发部", await admin.GetStringAsync("/console/units?q=910001"), StringComparison.Ordinal);

        // A clerk login with the unit administrator role, shown once.
        string temporary = await IssueAsync(admin, $"/console/units/{top}", "?handler=Account",
            new() { ["ClerkLogin"] = "wang", ["ClerkName"] = "王经理", ["Role"] = "UnitAdmin" });
        Assert.DoesNotContain(temporary, await admin.GetStringAsync($"/console/units/{top}"), StringComparison.Ordinal);

        // The clerk signs in with unit code + own login, must change the temporary password, then manages clerks.
        using HttpClient wang = site.CreateBrowserLikeClient();
        await SignInClerkAsync(wang, "910001", "wang", temporary);
        Assert.Equal("/portal/password", (await wang.GetAsync("/portal/clerks")).Headers.Location?.OriginalString);
        await ChangeAsync(wang, temporary, "wang-own-pass-1");
        string clerksPage = await wang.GetStringAsync("/portal/clerks");
        Assert.Contains("href=\"/portal/clerks\"", clerksPage, StringComparison.Ordinal);
        Assert.Contains("910001-01", clerksPage, StringComparison.Ordinal);

        string liTemporary = await IssueAsync(wang, "/portal/clerks", "?handler=Create",
            new() { ["UnitCode"] = "910001-01", ["ClerkLogin"] = "li", ["ClerkName"] = "李四", ["Role"] = "Clerk" });
        HttpResponseMessage elsewhere = await FormPost.PostAsync(wang, "/portal/clerks",
            new Dictionary<string, string> { ["UnitCode"] = (await site.UnitsAsync())[0].Code, ["ClerkLogin"] = "zhao", ["ClerkName"] = "赵", ["Role"] = "Clerk" }, "/portal/clerks?handler=Create");
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("不在您管理的单位范围内", WebUtility.HtmlDecode(await elsewhere.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A plain clerk works in the portal but has no clerk desk.
        using HttpClient li = site.CreateBrowserLikeClient();
        await SignInClerkAsync(li, "910001-01", "li", liTemporary);
        await ChangeAsync(li, liTemporary, "li-own-pass-12");
        Assert.Equal(HttpStatusCode.OK, (await li.GetAsync("/portal")).StatusCode);
        Assert.DoesNotContain("/portal/clerks", await li.GetStringAsync("/portal"), StringComparison.Ordinal);
        Assert.StartsWith("/error/403", (await li.GetAsync("/portal/clerks")).Headers.Location?.PathAndQuery(), StringComparison.Ordinal);

        // Disabled: the clerk's session ends and the login is refused with whom to ask.
        long liId = await AccountIdAsync("910001-01/li");
        HttpResponseMessage disabled = await FormPost.PostAsync(wang, "/portal/clerks", new Dictionary<string, string> { ["AccountId"] = liId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/portal/clerks?handler=Disable");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains("已停用", WebUtility.HtmlDecode(await disabled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await li.GetAsync("/portal")).StatusCode);
        using HttpClient again = site.CreateBrowserLikeClient();
        HttpResponseMessage refused = await FormPost.PostAsync(again, "/portal/login",
            new Dictionary<string, string> { ["UnitCode"] = "910001-01", ["ClerkLogin"] = "li", ["Password"] = "li-own-pass-12" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("此账号已停用", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Closing the unit refuses its logins; the audit log says all of it in Chinese, under each clerk's own name.
        HttpResponseMessage closed = await FormPost.PostAsync(admin, $"/console/units/{top}",
            new Dictionary<string, string> { ["Name"] = "苏州测试科技有限公司", ["ParentCode"] = "", ["Closed"] = "true" }, $"/console/units/{top}?handler=Edit");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await wang.GetAsync("/portal")).StatusCode);
        Assert.Contains("已注销", await admin.GetStringAsync("/console/units?q=910001"), StringComparison.Ordinal);
        string audit = WebUtility.HtmlDecode(await admin.GetStringAsync("/console/audit"));
        foreach (string said in (string[])["新建单位", "开设账号", "修改账号", "修改单位", "参保单位 910001/wang"])
        {
            Assert.Contains(said, audit, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(temporary, audit, StringComparison.Ordinal);
        Assert.True(sub > top);
    }

    [Fact]
    public async Task An_administrator_creates_disables_and_resets_staff_accounts_and_no_one_else_can()
    {
        using HttpClient reviewer = await StaffAsync("reviewer", DemoSite.Password);
        Assert.StartsWith("/error/403", (await reviewer.GetAsync("/console/staff")).Headers.Location?.PathAndQuery(), StringComparison.Ordinal);
        Assert.DoesNotContain("/console/staff", await reviewer.GetStringAsync("/console"), StringComparison.Ordinal);

        using HttpClient admin = await StaffAsync("demo-admin", DemoSite.Password);
        string temporary = await IssueAsync(admin, "/console/staff", "?handler=Create",
            new() { ["Login"] = "zhou", ["DisplayName"] = "周审核", ["Role"] = "Reviewer" });
        using HttpClient zhou = await StaffAsync("zhou", temporary);
        Assert.Equal("/console/password", (await zhou.GetAsync("/console/queue")).Headers.Location?.OriginalString);

        long id = await AccountIdAsync("zhou");
        string idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        HttpResponseMessage saved = await FormPost.PostAsync(admin, "/console/staff",
            new Dictionary<string, string> { ["AccountId"] = idText, ["Role"] = "Reviewer", ["Disabled"] = "true" }, "/console/staff?handler=Update");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await zhou.GetAsync("/console/password")).StatusCode);
        using HttpClient refused = site.CreateBrowserLikeClient();
        HttpResponseMessage attempt = await FormPost.PostAsync(refused, "/console/login", new Dictionary<string, string> { ["StaffLogin"] = "zhou", ["Password"] = temporary });
        Assert.Equal(HttpStatusCode.Forbidden, attempt.StatusCode);

        // The administrator cannot disable themself.
        HttpResponseMessage self = await FormPost.PostAsync(admin, "/console/staff",
            new Dictionary<string, string> { ["AccountId"] = (await AccountIdAsync("demo-admin")).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Role"] = "Admin", ["Disabled"] = "true" }, "/console/staff?handler=Update");
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Contains("不能停用自己的账号", WebUtility.HtmlDecode(await self.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Enabled again and reset: the temporary password opens only the password change.
        await FormPost.PostAsync(admin, "/console/staff", new Dictionary<string, string> { ["AccountId"] = idText, ["Role"] = "Auditor" }, "/console/staff?handler=Update");
        string reset = await IssueAsync(admin, "/console/staff", "?handler=Reset", new() { ["AccountId"] = idText });
        Assert.NotEqual(temporary, reset);
        using HttpClient back = await StaffAsync("zhou", reset);
        await ChangeAsync(back, reset, "zhou-own-pass-1", "/console/password");
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/console/audit")).StatusCode); // now an auditor

        await using PlatformDbContext db = site.Database.CreateDbContext();
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Actor == "staff:demo-admin"
            && (e.Action == AuditActions.AccountCreated || e.Action == AuditActions.AccountChanged) && e.Detail!.Contains("zhou")));
    }

    private async Task<HttpClient> StaffAsync(string login, string password)
    {
        HttpClient client = site.CreateBrowserLikeClient();
        await FormPost.SignInStaffAsync(client, login, password);
        return client;
    }

    private static async Task SignInClerkAsync(HttpClient client, string unit, string clerk, string password)
    {
        HttpResponseMessage response = await FormPost.PostAsync(client, "/portal/login",
            new Dictionary<string, string> { ["UnitCode"] = unit, ["ClerkLogin"] = clerk, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task ChangeAsync(HttpClient client, string current, string next, string page = "/portal/password")
    {
        HttpResponseMessage changed = await FormPost.PostAsync(client, page,
            new Dictionary<string, string> { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    private static async Task<long> CreateUnitAsync(HttpClient admin, string code, string name, string parent)
    {
        HttpResponseMessage created = await FormPost.PostAsync(admin, "/console/units", new Dictionary<string, string> { ["Code"] = code, ["Name"] = name, ["ParentCode"] = parent });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        string location = created.Headers.Location!.OriginalString;
        Assert.Contains("单位已新建", WebUtility.HtmlDecode(await admin.GetStringAsync(location)), StringComparison.Ordinal);
        return long.Parse(UnitIdPattern().Match(location).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> IssueAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        HttpResponseMessage response = await FormPost.PostAsync(client, page, fields, page + handler);
        string html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        string temporary = TemporaryPattern().Match(html).Groups[1].Value;
        Assert.Equal(12, temporary.Length);
        return temporary;
    }

    private async Task<long> AccountIdAsync(string login)
    {
        await using PlatformDbContext db = site.Database.CreateDbContext();
        return await db.Set<SocialCard.Platform.Domain.Account>().Where(a => a.LoginName == login).Select(a => a.Id).SingleAsync();
    }
}

internal static class LocationExtensions
{
    /// <summary>The path and query of a redirect target, absolute or relative.</summary>
    public static string PathAndQuery(this Uri? location) =>
        location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
