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

    private static async Task<int> CountDraftsAsync(ApplicantSite site)
    {
        await using PlatformDbContext db = site.Services.GetRequiredService<PlatformDatabase>().CreateDbContext();
        return await db.Applications.CountAsync(a => a.State == ApplicationState.Draft);
    }
}
