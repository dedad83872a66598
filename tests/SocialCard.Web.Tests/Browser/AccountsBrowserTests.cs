using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The accounts desks in the browser: an administrator creates a unit and gives it a unit administrator's own login;
/// that clerk signs in with unit code + own login, replaces the temporary password, gives a colleague a login and
/// disables it again; the administrator opens a staff account with a role. Screenshots are kept by the run.
/// </summary>
public sealed class AccountsBrowserTests(PortalBrowserHost host) : IClassFixture<PortalBrowserHost>
{
    [Fact]
    public async Task An_administrator_gives_a_new_unit_a_clerk_login_and_that_clerk_manages_the_units_clerks()
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        IPage admin = await host.NewPageAsync();
        await StaffSignIn.SignInAsync(admin, "demo-admin");
        await admin.ClickAsync("#console-nav a[href='/console/units']");
        await admin.FillAsync("#Code", "920001");
        await admin.FillAsync("#Name", "苏州浏览器测试有限公司");
        await admin.ClickAsync("#unit-create-submit");
        await admin.Locator("#unit-created").WaitForAsync();

        await admin.FillAsync("#ClerkLogin", "wang");
        await admin.FillAsync("#ClerkName", "王经理");
        await admin.SelectOptionAsync("#Role", "UnitAdmin");
        await admin.ClickAsync("#account-create-submit");
        string temporary = (await admin.Locator("#account-temporary").InnerTextAsync()).Trim();
        Assert.Equal(12, temporary.Length);
        Assert.Contains("王经理", await admin.Locator("#accounts").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(admin, "console-unit-clerk-login");

        IPage clerk = await host.NewPageAsync();
        await clerk.GotoAsync("/portal/login");
        await clerk.FillAsync("#UnitCode", "920001");
        await clerk.FillAsync("#ClerkLogin", "wang");
        await clerk.FillAsync("#Password", temporary);
        await BrowserHost.ScreenshotAsync(clerk, "portal-login-clerk");
        await clerk.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(clerk, "**/portal/password");
        await clerk.FillAsync("#CurrentPassword", temporary);
        await clerk.FillAsync("#NewPassword", "wang-chosen-pass-1");
        await clerk.FillAsync("#ConfirmPassword", "wang-chosen-pass-1");
        await clerk.ClickAsync("#password-submit");
        await clerk.Locator("#password-changed").WaitForAsync();

        await clerk.GotoAsync("/portal");
        await clerk.ClickAsync("a[href='/portal/clerks']");
        await clerk.FillAsync("#ClerkLogin", "li");
        await clerk.FillAsync("#ClerkName", "李四");
        await clerk.ClickAsync("#clerk-create-submit");
        Assert.Equal(12, (await clerk.Locator("#account-temporary").InnerTextAsync()).Trim().Length);
        await BrowserHost.ScreenshotAsync(clerk, "portal-clerks-added");
        await clerk.ClickAsync("#clerks tr[data-login='920001/li'] button");
        await clerk.Locator("#desk-message").WaitForAsync();
        Assert.Contains("已停用", await clerk.Locator("#clerks tr[data-login='920001/li']").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(clerk, "portal-clerks-disabled");

        // The same desk on a phone.
        IPage phone = await host.NewPageAsync(390, 844, mobile: true);
        await phone.GotoAsync("/portal/login");
        await phone.FillAsync("#UnitCode", "920001");
        await phone.FillAsync("#ClerkLogin", "wang");
        await phone.FillAsync("#Password", "wang-chosen-pass-1");
        await phone.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(phone, "**/portal");
        await phone.GotoAsync("/portal/clerks");
        await phone.Locator("#clerks").WaitForAsync();
        await BrowserHost.ScreenshotAsync(phone, "portal-clerks-phone");
    }

    [Fact]
    public async Task An_administrator_opens_a_staff_account_with_a_role()
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        IPage admin = await host.NewPageAsync();
        await StaffSignIn.SignInAsync(admin, "demo-admin");
        await admin.ClickAsync("#console-nav a[href='/console/staff']");
        await admin.FillAsync("#Login", "sun");
        await admin.FillAsync("#DisplayName", "孙柜员");
        await admin.SelectOptionAsync("#Role", "Clerk");
        await admin.ClickAsync("#staff-create-submit");
        string temporary = (await admin.Locator("#account-temporary").InnerTextAsync()).Trim();
        Assert.Equal(12, temporary.Length);
        Assert.Contains("孙柜员", await admin.Locator("#staff tr[data-login='sun']").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(admin, "console-staff-created");

        IPage sun = await host.NewPageAsync();
        await sun.GotoAsync("/console/login");
        await sun.FillAsync("#StaffLogin", "sun");
        await sun.FillAsync("#Password", temporary);
        await sun.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(sun, "**/console/password");
        await sun.Locator("#password-must-change").WaitForAsync();
    }
}
