using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>Signs a demo staff member in on the console login page and waits for the console's tabs.</summary>
public static class StaffSignIn
{
    public static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/console/login");
        await page.FillAsync("#StaffLogin", login);
        await page.FillAsync("#Password", DemoSite.Password);
        await page.ClickAsync("#login-submit");
        await page.Locator("#console-nav").WaitForAsync();
    }
}
