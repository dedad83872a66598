using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.StatusQuery;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Tests.Wizard;

namespace SocialCard.Web.Tests.Hosting;

/// <summary>
/// The product as <c>./run.sh</c> starts it (a separate process on the built output, Development, its own data folder):
/// what in-process hosting cannot show, such as a library that fails only in a real process.
/// </summary>
public sealed class RealHostTests
{
    [Fact]
    public async Task A_wizard_finished_on_the_started_site_downloads_a_registration_form_with_name_id_number_and_bank()
    {
        await using var site = new SiteProcess();
        long workUnitId = await SeedApplicantDataAsync(site.DataDirectory);
        await site.StartAsync();

        using HttpClient http = site.CreateClient();
        WizardClient wizard = await OpenPhotoStepAsync(site, http, workUnitId);

        HttpResponseMessage uploaded = await wizard.PostFilesAsync("/apply/photo", [("Upload", "me.jpg", WizardFlow.CompliantPhoto())], "upload");
        Assert.True(uploaded.StatusCode == HttpStatusCode.OK, $"photo upload: {(int)uploaded.StatusCode}\n{site.Output}");
        await wizard.AdvanceAsync("/apply/photo", new Dictionary<string, string>(), "/apply/idcard");

        byte[] card = SyntheticIdCard.Jpeg();
        HttpResponseMessage idCards = await wizard.PostFilesAsync("/apply/idcard", [("Front", "front.jpg", card), ("Back", "back.jpg", card)]);
        Assert.Equal("/apply/occupation", idCards.Headers.Location?.OriginalString);
        await wizard.AdvanceAsync("/apply/occupation", new Dictionary<string, string> { ["OccupationCode"] = "2", ["EducationCode"] = "20" }, "/apply/summary");
        await wizard.AdvanceAsync("/apply/summary", new Dictionary<string, string>(), "/apply/done");

        HttpResponseMessage pdf = await http.GetAsync("/apply/form.pdf");
        Assert.True(pdf.StatusCode == HttpStatusCode.OK, $"GET /apply/form.pdf: {(int)pdf.StatusCode}\n{site.Output}");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        string text = PdfTools.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(ApplicantData.ApplicantName, text, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.ApplicantId, text, StringComparison.Ordinal);
        Assert.Contains("● 成都银行", text, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.BankBranch, text, StringComparison.Ordinal);

        // The submission opened the applicant's card: /status shows it (the export follows the 24-hour hand-over).
        HttpResponseMessage status = await http.PostAsJsonAsync("/status/query",
            new StatusQueryRequest(null, ApplicantData.ApplicantPersonal, ApplicantData.ApplicantId));
        CardStatusAnswer? answer = await status.Content.ReadFromJsonAsync<CardStatusAnswer>();
        Assert.True(answer is { Found: true, State: "PhotoPassed" }, $"/status/query: {(int)status.StatusCode} {answer?.State}\n{site.Output}");
    }


    [Fact]
    public async Task The_wizard_offers_the_fix_only_for_what_it_can_repair_and_shows_before_and_after_until_accepted()
    {
        await using var site = new SiteProcess();
        long workUnitId = await SeedApplicantDataAsync(site.DataDirectory);
        await site.StartAsync();
        using HttpClient http = site.CreateClient();
        WizardClient wizard = await OpenPhotoStepAsync(site, http, workUnitId);

        // Black-and-white: no fix button, and asking for the fix anyway changes nothing.
        string grey = await UploadAsync(wizard, DevsetPhotos.WithLabel("color.grayscale", 1)[0]);
        Assert.Contains("data-rule=\"color.grayscale\"", grey, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fix-photo\"", grey, StringComparison.Ordinal);
        string asked = WebUtility.HtmlDecode(await (await wizard.PostAsync("/apply/photo", new Dictionary<string, string>(), "fix")).Content.ReadAsStringAsync());
        Assert.Contains("无法自动修正", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fixed-preview\"", asked, StringComparison.Ordinal);

        // A grey wall instead of white: the fix is offered; the fixed photo is shown next to the original and must be
        // accepted before the next step.
        string coloured = await UploadAsync(wizard, DevsetPhotos.GreyWall);
        Assert.Contains("id=\"fix-photo\"", coloured, StringComparison.Ordinal);
        HttpResponseMessage fixedPage = await wizard.PostAsync("/apply/photo", new Dictionary<string, string>(), "fix");
        string compare = WebUtility.HtmlDecode(await fixedPage.Content.ReadAsStringAsync());
        Assert.True(compare.Contains("id=\"fix-accept\"", StringComparison.Ordinal), $"fix refused:\n{compare}\n{site.Output}");
        Assert.Contains("src=\"/apply/files/photo-original", compare, StringComparison.Ordinal);
        Assert.Contains("id=\"fixed-preview\"", compare, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/apply/files/photo-original")).StatusCode);
        await wizard.RejectedAsync("/apply/photo", new Dictionary<string, string>(), "请先对比修正前后的照片");
        string accepted = WebUtility.HtmlDecode(await (await wizard.PostAsync("/apply/photo", new Dictionary<string, string>(), "acceptfix")).Content.ReadAsStringAsync());
        Assert.Contains("已自动修正，照片符合要求", accepted, StringComparison.Ordinal);
        await wizard.AdvanceAsync("/apply/photo", new Dictionary<string, string>(), "/apply/idcard");
    }

    private static async Task<string> UploadAsync(WizardClient wizard, string devsetFile)
    {
        HttpResponseMessage response = await wizard.PostFilesAsync("/apply/photo", [("Upload", "me.jpg", DevsetPhotos.Read(devsetFile))], "upload");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A fresh wizard on the started site, through consent, identity, code, unit and personal data, at the photo step.</summary>
    private static async Task<WizardClient> OpenPhotoStepAsync(SiteProcess site, HttpClient http, long workUnitId)
    {
        var wizard = new WizardClient(http);
        await wizard.GetHtmlAsync("/apply");
        await wizard.AdvanceAsync("/apply", new Dictionary<string, string> { ["Accepted"] = "true" }, "/apply/agreement");
        await wizard.AdvanceAsync("/apply/agreement", new Dictionary<string, string> { ["Accepted"] = "true" }, "/apply/identity");
        await wizard.AdvanceAsync("/apply/identity", WizardFlow.Identity(ApplicantData.ApplicantId), "/apply/mobile");

        // The identity step sent the code to the phone on file; the outbox shows it to centre staff only.
        string code = await LatestCodeAsync(site, WizardFlow.Mobile);
        await wizard.AdvanceAsync("/apply/mobile", new Dictionary<string, string> { ["Code"] = code }, "/apply/unit");

        await wizard.AdvanceAsync("/apply/unit", new Dictionary<string, string>
        {
            ["WorkUnitId"] = workUnitId.ToString(CultureInfo.InvariantCulture),
            ["Nationality"] = "CHN",
        }, "/apply/personal");
        await wizard.AdvanceAsync("/apply/personal", WizardFlow.Personal(), "/apply/photo");
        return wizard;
    }

    /// <summary>Writes the applicant test data into the site's data folder before it starts (the demo seeder then
    /// leaves the database alone) and returns the work unit's id.</summary>
    private static Task<long> SeedApplicantDataAsync(string dataDirectory) =>
        ApplicantProcessData.SeedAsync(new StorageOptions { DataDirectory = dataDirectory, KeyFile = dataDirectory + ".key" });

    private static Task<string> LatestCodeAsync(SiteProcess site, string phone) => ApplicantProcessData.LatestCodeAsync(site, phone);
}
