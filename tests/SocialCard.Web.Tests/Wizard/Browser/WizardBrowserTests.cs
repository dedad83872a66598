using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCard.Web.Features.Wizard;
using SocialCard.Web.Tests.Browser;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard.Browser;

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
        Assert.True(File.Exists("/usr/bin/chromium"), "Debian chromium is installed by setup.sh");
        IPage page = await fixture.NewPageAsync(new ViewportSize { Width = width, Height = height }, mobile);
        try
        {
            await WalkAsync(page, name, mobile);
        }
        catch (Exception ex) when (!page.IsClosed)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserHost.ScreenshotPath($"wizard-{name}-FAILED"), FullPage = true });
            string text = await page.InnerTextAsync("body");
            throw new InvalidOperationException($"{ex.Message}\nat {page.Url}:\n{text[..Math.Min(800, text.Length)]}", ex);
        }
    }

    private async Task WalkAsync(IPage page, string name, bool mobile)
    {
        int shot = 0;
        async Task Shot(string step) => await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = BrowserHost.ScreenshotPath($"wizard-{name}-{++shot:00}-{step}"),
            FullPage = true,
        });

        await page.GotoAsync("/apply");
        await Shot("notice");
        await page.CheckAsync("#accept-notice");
        await page.ClickAsync("#next");
        await PageUrl.WaitForAsync(page, "**/apply/agreement");
        await page.CheckAsync("#accept-agreement");
        await Shot("agreement");
        await page.ClickAsync("#next");
        await PageUrl.WaitForAsync(page, "**/apply/identity");

        // Identity: a typo is flagged while typing, then the right number finds the person.
        // One person per viewport: a person with a submitted application inside its 24 hours is sent to 办理查询.
        string id = mobile ? ApplicantData.ApplicantId : ApplicantData.SecondApplicantId;
        string personName = mobile ? ApplicantData.ApplicantName : ApplicantData.SecondApplicantName;
        await page.FillAsync("#IdNumber", id[..17] + (id[17] == '0' ? '1' : '0'));
        Assert.Equal("true", await page.GetAttributeAsync("#IdNumber", "aria-invalid"));
        await page.FillAsync("#IdNumber", id);
        Assert.Equal("false", await page.GetAttributeAsync("#IdNumber", "aria-invalid"));
        await Shot("identity");
        fixture.Applicant.Clock.Advance(TimeSpan.FromMinutes(1)); // one send per minute per client address: both viewports share 127.0.0.1
        await page.ClickAsync("#next");

        // Mobile: the code went to the phone on file (shown masked); the test reads it from the outbox.
        await PageUrl.WaitForAsync(page, "**/apply/mobile");
        string phone = mobile ? ApplicantData.ApplicantPhone : ApplicantData.SecondApplicantPhone;
        Assert.Equal(phone[..3] + "****" + phone[^4..], (await page.TextContentAsync("#masked-phone"))?.Trim());
        string code = await fixture.Applicant.LatestCodeAsync(phone); // the demo outbox page needs a staff sign-in
        await page.FillAsync("#Code", code);
        await Shot("mobile");
        await page.ClickAsync("#next");

        // Unit: search, choose, show sub-units, choose the second level.
        await PageUrl.WaitForAsync(page, "**/apply/unit");
        await page.FillAsync("#q", "数智");
        await page.ClickAsync("#search");
        await page.CheckAsync($"input[name=WorkUnitId]");
        await page.ClickAsync("#refresh");
        await page.SelectOptionAsync("#WorkUnitLevel2Id", new SelectOptionValue { Label = ApplicantData.Level2Name });
        await page.ClickAsync("#refresh");
        Assert.Contains("成都银行", await page.TextContentAsync("#bank") ?? string.Empty, StringComparison.Ordinal);
        await Shot("unit");
        await page.ClickAsync("#next");

        await PageUrl.WaitForAsync(page, "**/apply/personal");
        await page.FillAsync("#IdIssuingAuthority", "成都市公安局武侯区分局");
        await page.FillAsync("#IdValidFrom", "2015-07-17");
        await page.FillAsync("#IdValidUntil", "2035-07-17");
        await page.FillAsync("#HouseholdAddress", "成都市武侯区洗面桥横街12号");
        await page.FillAsync("#ResidentialAddress", "成都市金牛区一环路北一段99号");
        await page.FillAsync("#PostalCode", "610041");
        await Shot("personal");
        await page.ClickAsync("#next");

        // Photo: a devset photo that fails, then the one-click fix (or, without a face engine, a compliant photo).
        await PageUrl.WaitForAsync(page, "**/apply/photo");
        string failing = FixablePhoto();
        await page.SetInputFilesAsync("#file", Path.Combine(DevsetPhotos.ImagesDirectory, failing));
        await page.ClickAsync("#upload");
        await page.WaitForSelectorAsync("#review-verdict.bad");
        await Shot("photo-failed");
        Assert.True(fixture.Applicant.Services.GetRequiredService<IWizardPhotoService>().CanFix, "the face engine (models/) is needed for the one-click fix");
        await page.ClickAsync("#fix-photo");
        await page.WaitForSelectorAsync("#fix-accept", new() { Timeout = 60_000 });
        Assert.Equal(1, await page.Locator("#fixed-preview").CountAsync());
        await Shot("photo-fixed-compare");
        await page.ClickAsync("#fix-accept");
        await page.WaitForSelectorAsync("#review-verdict.ok");
        Assert.Contains("已自动修正", await page.TextContentAsync("#review-verdict") ?? string.Empty, StringComparison.Ordinal);

        await Shot("photo-passed");
        await page.ClickAsync("#next");

        await PageUrl.WaitForAsync(page, "**/apply/idcard");
        await page.SetInputFilesAsync("#Front", new FilePayload { Name = "front.jpg", MimeType = "image/jpeg", Buffer = SyntheticIdCard.Jpeg() });
        await page.SetInputFilesAsync("#Back", new FilePayload { Name = "back.jpg", MimeType = "image/jpeg", Buffer = SyntheticIdCard.Jpeg() });
        await Shot("idcard");
        await page.ClickAsync("#next");

        await PageUrl.WaitForAsync(page, "**/apply/occupation");
        await page.SelectOptionAsync("#OccupationCode", "2");
        await page.SelectOptionAsync("#EducationCode", "20");
        await Shot("occupation");
        await page.ClickAsync("#next");

        await PageUrl.WaitForAsync(page, "**/apply/summary");
        Assert.Contains(id, await page.TextContentAsync("#d-id") ?? string.Empty, StringComparison.Ordinal);
        await Shot("summary");
        await page.ClickAsync("#submit");

        await PageUrl.WaitForAsync(page, "**/apply/done");
        await Shot("done");
        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-pdf"));
        string pdfPath = BrowserHost.ScreenshotPath($"wizard-{name}-form").Replace(".png", ".pdf", StringComparison.Ordinal);
        await download.SaveAsAsync(pdfPath);
        byte[] pdf = await File.ReadAllBytesAsync(pdfPath);
        string pdfText = PdfTools.Text(pdf);
        Assert.Contains(personName, pdfText, StringComparison.Ordinal);
        Assert.Contains(id, pdfText, StringComparison.Ordinal);
        Assert.Contains("● 成都银行", pdfText, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.InsuredUnitCode, pdfText, StringComparison.Ordinal);
        await File.WriteAllBytesAsync(BrowserHost.ScreenshotPath($"wizard-{name}-{++shot:00}-form-page1"), PdfTools.FirstPagePng(pdf, 100));
    }

    /// <summary>A photo whose only defect the fix can repair (background colour).</summary>
    private static string FixablePhoto() => DevsetPhotos.GreyWall;
}
