using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

public sealed class LoginPageBrowserTests(BrowserHost site) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Login_page_renders_in_Chinese_and_switches_to_English()
    {
        IPage page = await site.NewPageAsync();
        IResponse? response = await page.GotoAsync("/portal/login");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("参保单位登录", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("portal-login-zh"), FullPage = true });

        await page.ClickAsync("#lang-switch");
        Assert.Equal("Employer sign-in", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("portal-login-en"), FullPage = true });
    }

    [Fact]
    public async Task Unit_signs_in_on_a_phone_sized_screen()
    {
        IPage page = await site.NewPageAsync(390, 844, mobile: true);
        await page.GotoAsync("/portal/login");
        await page.FillAsync("#UnitCode", TestAccounts.UnitA);
        await page.FillAsync("#Password", TestAccounts.Password);
        await page.ClickAsync("#login-submit");
        await PageUrl.WaitForAsync(page, "**/portal");
        Assert.Contains(TestAccounts.UnitA, await page.Locator("header").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("portal-home-phone"), FullPage = true });
    }
}
