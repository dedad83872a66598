using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The password journeys in the browser: an administrator resets a unit's password and reads the temporary one off
/// the page; the unit signs in with it, is held on the change page, picks its own password, signs out and back in
/// with the new one.
/// </summary>
public sealed class PasswordBrowserTests(PortalBrowserHost host) : IClassFixture<PortalBrowserHost>
{
    [Fact]
    public async Task A_reset_unit_changes_its_temporary_password_and_signs_in_with_the_new_one()
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        IPage admin = await host.NewPageAsync();
        await StaffSignIn.SignInAsync(admin, "demo-admin");
        await admin.ClickAsync("#console-nav a[href='/console/password-reset']");
        await admin.FillAsync("#UnitCode", host.UnitA);
        await admin.ClickAsync("#password-reset-submit");
        string temporary = (await admin.Locator("#password-temporary").InnerTextAsync()).Trim();
        Assert.Equal(12, temporary.Length);
        await BrowserHost.ScreenshotAsync(admin, "console-password-reset");

        IPage unit = await host.NewPageAsync();
        await unit.GotoAsync("/portal/login");
        await unit.FillAsync("#UnitCode", host.UnitA);
        await unit.FillAsync("#Password", temporary);
        await unit.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(unit, "**/portal/password");
        await unit.Locator("#password-must-change").WaitForAsync();

        // A mistyped confirmation is refused and loses nothing but the password fields.
        await unit.FillAsync("#CurrentPassword", temporary);
        await unit.FillAsync("#NewPassword", "unit-chosen-pass-1");
        await unit.FillAsync("#ConfirmPassword", "unit-chosen-pass-2");
        await unit.ClickAsync("#password-submit");
        Assert.Contains("两次输入的新密码不一致", await unit.Locator("#password-error").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(unit, "portal-password-mismatch");

        await unit.FillAsync("#CurrentPassword", temporary);
        await unit.FillAsync("#NewPassword", "unit-chosen-pass-1");
        await unit.FillAsync("#ConfirmPassword", "unit-chosen-pass-1");
        await unit.ClickAsync("#password-submit");
        await unit.Locator("#password-changed").WaitForAsync();
        await BrowserHost.ScreenshotAsync(unit, "portal-password-changed");

        await unit.ClickAsync("header button.link");
        await PageUrl.WaitForAsync(unit, "**/portal/login");
        await unit.FillAsync("#UnitCode", host.UnitA);
        await unit.FillAsync("#Password", "unit-chosen-pass-1");
        await unit.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(unit, "**/portal");
        Assert.Contains(host.UnitA, await unit.Locator("header").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(unit, "portal-after-password-change");
    }
}
