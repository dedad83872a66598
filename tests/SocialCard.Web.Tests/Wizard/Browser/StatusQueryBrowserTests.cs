using Microsoft.Playwright;
using SocialCard.Web.Tests.Browser;

namespace SocialCard.Web.Tests.Wizard.Browser;

/// <summary>The public query in chromium: same answer for no such person and wrong ID number; 429 past the limit.</summary>
public sealed class StatusQueryBrowserTests(ApplicantBrowserSite fixture) : IClassFixture<ApplicantBrowserSite>
{
    [Fact]
    public async Task Same_answer_for_no_such_person_and_wrong_id_then_429()
    {
        IPage page = await fixture.NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, mobile: true);
        async Task<string> AskAsync(string number, string idNumber)
        {
            await page.GotoAsync("/status");
            await page.SelectOptionAsync("#NumberType", "personal");
            await page.FillAsync("#Number", number);
            await page.FillAsync("#IdNumber", idNumber);
            await page.ClickAsync("#query");
            return await page.InnerTextAsync("#answer");
        }

        string noSuchPerson = await AskAsync("9999999999", ApplicantData.ProducedId);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("status-phone-notfound"), FullPage = true });
        string wrongId = await AskAsync(ApplicantData.ProducedPersonal, ApplicantData.FailedId);
        Assert.Equal(noSuchPerson, wrongId);
        string produced = await AskAsync(ApplicantData.ProducedPersonal, ApplicantData.ProducedId);
        Assert.Contains("2026-12-01", produced, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath("status-phone-produced"), FullPage = true });

        // Past the limit (the fixture allows 1000 per minute; the API shares the page's limiter partition per client).
        using HttpClient client = new() { BaseAddress = fixture.Site.BaseAddress };
        System.Net.HttpStatusCode last = System.Net.HttpStatusCode.OK;
        for (int i = 0; i < 1001 && last != System.Net.HttpStatusCode.TooManyRequests; i++)
        {
            last = (await client.PostAsync("/status/query", System.Net.Http.Json.JsonContent.Create(new { personalNumber = "9999999999", idNumber = "1" }))).StatusCode;
        }

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, last);
    }
}
