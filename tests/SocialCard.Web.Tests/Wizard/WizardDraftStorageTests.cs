using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>Wizard drafts are application rows in the database: nothing for an anonymous visit, everything kept
/// across a restart of the site.</summary>
public sealed class WizardDraftStorageTests
{
    [Fact]
    public async Task Anonymous_visits_store_nothing_and_the_identity_step_starts_a_draft_row()
    {
        await using var site = new ApplicantSite();
        WizardFlow flow = await WizardFlow.StartAsync(site);
        for (int i = 0; i < 50; i++)
        {
            HttpResponseMessage visit = await flow.Client.Http.GetAsync("/apply");
            Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
            Assert.DoesNotContain(visit.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? set) ? set : [],
                c => c.StartsWith(".SocialCard.Apply=", StringComparison.Ordinal));
        }

        await flow.ConsentsAsync();
        Assert.Equal(0, await CountDraftsAsync(site));

        await flow.Client.AdvanceAsync("/apply/identity", WizardFlow.Identity(ApplicantData.ApplicantId), "/apply/mobile");
        Assert.Equal(1, await CountDraftsAsync(site));
    }

    [Fact]
    public async Task A_wizard_begun_before_a_restart_continues_after_it_with_the_code_sent_before()
    {
        var cookies = new CookieContainer();
        string dataDirectory;
        await using (var before = new ApplicantSite { KeepDataDirectory = true })
        {
            await before.EnsureSeededAsync();
            dataDirectory = before.DataDirectory;
            var flow = new WizardFlow(before, new WizardClient(before.CreateDefaultClient(new CookieContainerHandler(cookies))));
            await flow.IdentityAsync(ApplicantData.ApplicantId);
            HttpResponseMessage sent = await flow.Client.PostAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = WizardFlow.Mobile }, "send");
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        await using var after = new ApplicantSite(dataDirectory);
        var client = new WizardClient(after.CreateDefaultClient(new CookieContainerHandler(cookies)));
        string code = await after.LatestCodeAsync(WizardFlow.Mobile);
        await client.AdvanceAsync("/apply/mobile", new Dictionary<string, string> { ["Mobile"] = WizardFlow.Mobile, ["Code"] = code }, "/apply/unit");
        Assert.Equal(1, await CountDraftsAsync(after));
    }

    [Fact]
    public async Task A_draft_begun_on_one_device_continues_on_another_after_the_id_number_and_the_sms_code()
    {
        await using var site = new ApplicantSite();
        var phone = await WizardFlow.StartAsync(site);
        await phone.PersonalAsync();
        site.Clock.Advance(TimeSpan.FromMinutes(5));

        // Another browser (no cookie): the ID number alone shows nothing; the code to the phone on file continues the draft.
        var laptop = await WizardFlow.StartAsync(site);
        await laptop.IdentityAsync(ApplicantData.ApplicantId);
        HttpResponseMessage verified = await laptop.Client.PostAsync("/apply/mobile",
            new Dictionary<string, string> { ["Code"] = await site.LatestCodeAsync(WizardFlow.Mobile) });
        Assert.Equal("/apply/photo", verified.Headers.Location?.OriginalString);
        string photoPage = WebUtility.HtmlDecode(await laptop.Client.GetHtmlAsync("/apply/photo"));
        Assert.Contains("之前未完成的申请", photoPage, StringComparison.Ordinal);
        string personal = WebUtility.HtmlDecode(await laptop.Client.GetHtmlAsync("/apply/personal"));
        Assert.Contains("成都市武侯区洗面桥横街12号", personal, StringComparison.Ordinal);
        Assert.Equal(1, await CountDraftsAsync(site));

        // The first browser's cookie no longer reaches it: it starts afresh.
        HttpResponseMessage old = await phone.Client.Http.GetAsync("/apply/personal");
        Assert.Equal((HttpStatusCode.Redirect, "/apply"), (old.StatusCode, old.Headers.Location?.OriginalString));
    }

    private static async Task<int> CountDraftsAsync(ApplicantSite site)
    {
        await using PlatformDbContext db = site.Services.GetRequiredService<PlatformDatabase>().CreateDbContext();
        return await db.Applications.CountAsync(a => a.State == ApplicationState.Draft);
    }
}
