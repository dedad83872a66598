using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// Centre staff in chromium, one role at a time: each sees only the tabs of its desks, every page it can open loads
/// without a blocked style or a failing request, and a page outside its role answers with the access-denied page
/// (in words, with a way back), never with "page not found" or "try again later".
/// Screenshots: bin/.../screenshots/roles-*.png.
/// </summary>
public sealed class ConsoleRolesBrowserTests(PortalBrowserHost host) : IClassFixture<PortalBrowserHost>
{
    private static readonly string[] AllTabs = ["/console", "/console/queue", "/console/exchange", "/console/applications", "/console/people", "/console/pickup", "/console/counter", "/console/registry", "/console/audit"];

    public static TheoryData<string, string[]> Roles() => new()
    {
        { "clerk", ["/console", "/console/queue", "/console/applications", "/console/people", "/console/pickup", "/console/counter"] },
        { "reviewer", ["/console", "/console/queue", "/console/applications", "/console/people"] },
        { "operator", ["/console", "/console/queue", "/console/exchange", "/console/applications", "/console/people", "/console/registry"] },
        { "auditor", ["/console", "/console/queue", "/console/applications", "/console/people", "/console/audit"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_role_sees_only_its_tabs_and_is_told_in_words_when_a_page_is_not_for_it(string login, string[] tabs)
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        IPage page = await host.NewPageAsync();
        var problems = new PageProblems(page);
        await StaffSignIn.SignInAsync(page, login);

        string[] shown = await page.Locator("#console-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(tabs, shown);
        foreach (string tab in tabs)
        {
            IResponse? response = await page.GotoAsync(tab);
            Assert.Equal(200, response?.Status);
            await page.Locator("#console-nav").WaitForAsync();
        }

        await BrowserHost.ScreenshotAsync(page, $"roles-{login}-last-tab");
        Assert.Empty(problems.All);

        foreach (string other in AllTabs.Except(tabs).Where(t => t is "/console/audit" or "/console/pickup"))
        {
            IResponse? denied = await page.GotoAsync(other);
            Assert.Equal(403, denied?.Status);
            Assert.DoesNotContain("%3F", page.Url, StringComparison.Ordinal);
            Assert.Equal("无权访问此页面", (await page.Locator("#error-heading").InnerTextAsync()).Trim());
            string body = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("页面不存在", body, StringComparison.Ordinal);
            Assert.DoesNotContain("稍后重试", body, StringComparison.Ordinal);
            Assert.Equal("/console", await page.Locator("#error-back").GetAttributeAsync("href"));
            await BrowserHost.ScreenshotAsync(page, $"roles-{login}-denied");
        }
    }

    [Fact]
    public async Task An_unknown_address_says_the_page_does_not_exist_and_not_to_try_again()
    {
        IPage page = await host.NewPageAsync(390, 844, mobile: true);
        var problems = new PageProblems(page);
        IResponse? response = await page.GotoAsync("/console/no-such-desk");
        Assert.Equal(404, response?.Status);
        Assert.Equal("页面不存在", (await page.Locator("#error-heading").InnerTextAsync()).Trim());
        Assert.DoesNotContain("稍后重试", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserHost.ScreenshotAsync(page, "roles-not-found-phone");
        Assert.Empty(problems.All);
    }
}
