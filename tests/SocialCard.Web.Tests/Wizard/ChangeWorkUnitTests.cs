using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;
using SocialCard.Web.Features.Wizard;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Wizard;

/// <summary>修改现今工作单位 on the change page: found and chosen as in the wizard's unit step (sub-units under the chosen
/// unit), the bank follows the unit, a unit without a bank is refused with the reason and changes nothing, the change is
/// audited, and only inside the 24-hour window.</summary>
public sealed class ChangeWorkUnitTests : IAsyncLifetime
{
    private readonly ApplicantSite _site = new();

    public Task InitializeAsync() => _site.EnsureSeededAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_work_unit_changes_with_its_bank_within_24_hours_and_a_unit_without_a_bank_is_refused()
    {
        WizardFlow flow = await WizardFlow.StartAsync(_site);
        await flow.SubmitAsync();
        ApplicationView submitted = (await _site.Applications.FindLatestAsync(IdType.ResidentId, "CHN", ApplicantData.ApplicantId, default))!;
        Assert.Equal(ApplicantData.WorkUnitName, Assert.Single(submitted.WorkUnitPath).Name);
        IApplicantRegistry registry = _site.Services.GetRequiredService<IApplicantRegistry>();
        long work = await flow.UnitIdAsync(ApplicantData.WorkUnitName);
        long noBank = await flow.UnitIdAsync(ApplicantData.NoBankUnitName);
        long level2 = (await registry.ChildUnitsAsync(work, default)).Single(u => u.Name == ApplicantData.Level2Name).Id;

        WizardClient client = await ChangeWindowTests.SignInToChangeAsync(_site);
        Assert.Contains("id=\"work-unit-form\"", await client.GetHtmlAsync("/apply/change"), StringComparison.Ordinal);

        // Found by name, as in the wizard.
        string found = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change", new Dictionary<string, string> { ["UnitQuery"] = "无银行" }, "findunit")).Content.ReadAsStringAsync());
        Assert.Contains(ApplicantData.NoBankUnitName, found, StringComparison.Ordinal);

        // No bank up the tree: refused with the reason, nothing changes.
        await client.RejectedAsync("/apply/change", new Dictionary<string, string> { ["WorkUnitId"] = Id(noBank) }, "所选单位没有对应的开户银行", "workunit");
        await client.RejectedAsync("/apply/change", new Dictionary<string, string>(), "请查找并选择现今工作单位", "workunit");
        Assert.Equal(ApplicantData.WorkUnitName, Assert.Single((await _site.Applications.GetAsync(submitted.Id, default))!.WorkUnitPath).Name);

        // The chosen unit's sub-units are offered; a sub-unit under another parent is dropped.
        string subUnits = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change", new Dictionary<string, string> { ["WorkUnitId"] = Id(work) }, "findunit")).Content.ReadAsStringAsync());
        Assert.Contains(ApplicantData.Level2Name, subUnits, StringComparison.Ordinal);
        Assert.Contains("id=\"new-bank\"", subUnits, StringComparison.Ordinal);
        await client.RejectedAsync("/apply/change", new Dictionary<string, string> { ["WorkUnitId"] = Id(noBank), ["WorkUnitLevel2Id"] = Id(level2) }, "所选单位没有对应的开户银行", "workunit");

        string changed = WebUtility.HtmlDecode(await (await client.PostAsync("/apply/change",
            new Dictionary<string, string> { ["WorkUnitId"] = Id(work), ["WorkUnitLevel2Id"] = Id(level2) }, "workunit")).Content.ReadAsStringAsync());
        Assert.Contains("现今工作单位已修改", changed, StringComparison.Ordinal);
        // Once saved, the form starts empty: no unit list, no sub-unit list, no "new bank" line left from the choice.
        Assert.DoesNotContain("name=\"WorkUnitId\"", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"WorkUnitLevel2Id\"", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"new-bank\"", changed, StringComparison.Ordinal);
        ApplicationView after = (await _site.Applications.GetAsync(submitted.Id, default))!;
        Assert.Equal([ApplicantData.WorkUnitName, ApplicantData.Level2Name], after.WorkUnitPath.Select(u => u.Name));
        Assert.Equal(("BOCD", ApplicantData.BankBranch), (after.BankCode, after.BankBranch));
        await using (PlatformDbContext db = _site.Services.GetRequiredService<PlatformDatabase>().CreateDbContext())
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.ApplicationEdited && e.EntityId == Id(submitted.Id) && e.Detail == "work-unit"));
        }

        // After submitted + 24 h: refused, the unit stays.
        _site.Clock.Set(submitted.EditableUntil);
        client = await ChangeWindowTests.SignInToChangeAsync(_site);
        await client.RejectedAsync("/apply/change", new Dictionary<string, string> { ["WorkUnitId"] = Id(work) }, "不能再修改", "workunit");
        Assert.Equal(2, (await _site.Applications.GetAsync(submitted.Id, default))!.WorkUnitPath.Count);
    }
}
