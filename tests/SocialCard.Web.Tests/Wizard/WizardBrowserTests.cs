using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCard.Web.Features.Wizard;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>The applicant site on Kestrel with one chromium, seeded.</summary>
public sealed class ApplicantBrowserSite : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ApplicantSite Site { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site.StartOnKestrel();
        await Site.EnsureSeededAsync();
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task<IPage> NewPageAsync(ViewportSize viewport, bool mobile)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = viewport,
            IsMobile = mobile,
            HasTouch = mobile,
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

/// <summary>A person completes the whole wizard in chromium, at a phone and a desktop viewport.</summary>
public sealed class WizardBrowserTests(ApplicantBrowserSite fixture) : IClassFixture<ApplicantBrowserSite>
{
    public static TheoryData<string, int, int, bool> Viewports => new()
    {
        { "phone", 390, 844, true },
        { "desktop", 1280, 900, false },
    };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task A_person_completes_the_wizard_and_downloads_the_form(string name, int width, int height, bool mobile)
    {
        Assert.True(Chromium.IsAvailable, "Debian chromium is installed by setup.sh");
        IPage page = await fixture.NewPageAsync(new ViewportSize { Width = width, Height = height }, mobile);
        int shot = 0;
        async Task Shot(string step) => await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Chromium.ScreenshotPath($"wizard-{name}-{++shot:00}-{step}"),
            FullPage = true,
        });

        await page.GotoAsync("/apply");
        await Shot("notice");
        await page.CheckAsync("#accept-notice");
        await page.ClickAsync("#next");
        await page.CheckAsync("#accept-agreement");
        await Shot("agreement");
        await page.ClickAsync("#next");

        // Identity: a typo is flagged while typing, then the right number finds the person.
        string id = ApplicantData.ApplicantId;
        await page.FillAsync("#IdNumber", id[..17] + (id[17] == '0' ? '1' : '0'));
        Assert.Equal("true", await page.GetAttributeAsync("#IdNumber", "aria-invalid"));
        await page.FillAsync("#IdNumber", id);
        Assert.Equal("false", await page.GetAttributeAsync("#IdNumber", "aria-invalid"));
        await Shot("identity");
        await page.ClickAsync("#next");

        // Mobile: the code comes from the demo outbox page.
        await page.WaitForURLAsync("**/apply/mobile");
        Assert.Equal(ApplicantData.ApplicantName, (await page.TextContentAsync("#name"))?.Trim());
        string phone = mobile ? "13700137000" : "13600136000";
        await page.FillAsync("#Mobile", phone);
        await page.ClickAsync("#send-code");
        await page.WaitForSelectorAsync("#sms-status");
        IPage outbox = await page.Context.NewPageAsync();
        await outbox.GotoAsync("/dev/sms-outbox");
        string text = await outbox.Locator("#outbox tr", new() { HasText = phone }).First.Locator(".text").InnerTextAsync();
        await outbox.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath($"wizard-{name}-{++shot:00}-sms-outbox") });
        await outbox.CloseAsync();
        await page.FillAsync("#Code", SocialCard.Web.Features.Sms.SmsCodeService.ExtractCode(text)!);
        await Shot("mobile");
        await page.ClickAsync("#next");

        // Unit: search, choose, show sub-units, choose the second level.
        await page.WaitForURLAsync("**/apply/unit");
        await page.FillAsync("#q", "数智");
        await page.ClickAsync("#search");
        await page.CheckAsync($"input[name=WorkUnitId]");
        await page.ClickAsync("#refresh");
        await page.SelectOptionAsync("#WorkUnitLevel2Id", new SelectOptionValue { Label = ApplicantData.Level2Name });
        await page.ClickAsync("#refresh");
        Assert.Contains("成都银行", await page.TextContentAsync("#bank") ?? string.Empty, StringComparison.Ordinal);
        await Shot("unit");
        await page.ClickAsync("#next");

        await page.WaitForURLAsync("**/apply/personal");
        await page.FillAsync("#IdIssuingAuthority", "成都市公安局武侯区分局");
        await page.FillAsync("#IdValidFrom", "2015-07-17");
        await page.FillAsync("#IdValidUntil", "2035-07-17");
        await page.FillAsync("#HouseholdAddress", "成都市武侯区洗面桥横街12号");
        await page.FillAsync("#ResidentialAddress", "成都市金牛区一环路北一段99号");
        await page.FillAsync("#PostalCode", "610041");
        await Shot("personal");
        await page.ClickAsync("#next");

        // Photo: a devset photo that fails, then the one-click fix (or, without a face engine, a compliant photo).
        await page.WaitForURLAsync("**/apply/photo");
        string failing = FixablePhoto();
        await page.SetInputFilesAsync("#file", Path.Combine(DevsetPhotos.ImagesDirectory, failing));
        await page.ClickAsync("#upload");
        await page.WaitForSelectorAsync("#review-verdict.bad");
        await Shot("photo-failed");
        if (fixture.Site.Services.GetRequiredService<IPhotoPreReviewer>().CanFix)
        {
            await page.ClickAsync("#fix-photo");
            await page.WaitForSelectorAsync("#review-verdict.ok", new() { Timeout = 60_000 });
        }
        else
        {
            await page.SetInputFilesAsync("#file", Path.Combine(DevsetPhotos.ImagesDirectory, DevsetPhotos.WithLabel("compliant", 1)[0]));
            await page.ClickAsync("#upload");
            await page.WaitForSelectorAsync("#review-verdict.ok");
        }

        await Shot("photo-passed");
        await page.ClickAsync("#next");

        await page.WaitForURLAsync("**/apply/idcard");
        await page.SetInputFilesAsync("#Front", new FilePayload { Name = "front.jpg", MimeType = "image/jpeg", Buffer = SyntheticIdCard.Jpeg() });
        await page.SetInputFilesAsync("#Back", new FilePayload { Name = "back.jpg", MimeType = "image/jpeg", Buffer = SyntheticIdCard.Jpeg() });
        await Shot("idcard");
        await page.ClickAsync("#next");

        await page.WaitForURLAsync("**/apply/occupation");
        await page.SelectOptionAsync("#OccupationCode", "2");
        await page.SelectOptionAsync("#EducationCode", "20");
        await Shot("occupation");
        await page.ClickAsync("#next");

        await page.WaitForURLAsync("**/apply/summary");
        Assert.Contains(id, await page.TextContentAsync("#d-id") ?? string.Empty, StringComparison.Ordinal);
        await Shot("summary");
        await page.ClickAsync("#submit");

        await page.WaitForURLAsync("**/apply/done");
        await Shot("done");
        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"));
        string pdfPath = Chromium.ScreenshotPath($"wizard-{name}-form").Replace(".png", ".pdf", StringComparison.Ordinal);
        await download.SaveAsAsync(pdfPath);
        byte[] pdf = await File.ReadAllBytesAsync(pdfPath);
        string pdfText = PdfTools.Text(pdf);
        Assert.Contains(ApplicantData.ApplicantName, pdfText, StringComparison.Ordinal);
        Assert.Contains(id, pdfText, StringComparison.Ordinal);
        Assert.Contains("● 成都银行", pdfText, StringComparison.Ordinal);
        await File.WriteAllBytesAsync(Chromium.ScreenshotPath($"wizard-{name}-{++shot:00}-form-page1"), PdfTools.FirstPagePng(pdf, 100));
    }

    /// <summary>A photo whose only defect the fix can repair (background colour).</summary>
    private static string FixablePhoto() => DevsetPhotos.WithLabel("background.color", 1)[0];
}

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
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("status-phone-notfound"), FullPage = true });
        string wrongId = await AskAsync(ApplicantData.ProducedPersonal, ApplicantData.FailedId);
        Assert.Equal(noSuchPerson, wrongId);
        string produced = await AskAsync(ApplicantData.ProducedPersonal, ApplicantData.ProducedId);
        Assert.Contains("2026-12-01", produced, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("status-phone-produced"), FullPage = true });

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
