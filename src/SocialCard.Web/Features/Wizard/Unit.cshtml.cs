using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain.Codes;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Step 5: 参保单位 shown; 现今工作单位 chosen by searching (required: it decides the bank, printed as 部门), optional
/// second and third levels, 国籍. Without a bank anywhere up the chosen unit's tree no card can be made, so the step
/// refuses and says whom to call.
/// </summary>
public sealed class UnitModel(IWizardDraftStore drafts, TimeProvider clock, IApplicantRegistry registry, IOptions<CentreOptions> centre) : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Unit;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public long? WorkUnitId { get; set; }

    [BindProperty]
    public long? WorkUnitLevel2Id { get; set; }

    [BindProperty]
    public long? WorkUnitLevel3Id { get; set; }

    [BindProperty]
    public string? Nationality { get; set; }

    public IReadOnlyList<UnitChoice> Candidates { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Level2Options { get; private set; } = [];

    public IReadOnlyList<UnitChoice> Level3Options { get; private set; } = [];

    public string? Bank { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        WorkUnitId = Draft.WorkUnitId;
        WorkUnitLevel2Id = Draft.WorkUnitLevel2Id;
        WorkUnitLevel3Id = Draft.WorkUnitLevel3Id;
        Nationality = Draft.Nationality ?? Countries.China;
        await LoadChoicesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves the choices without validating, so the sub-unit lists follow the selected unit.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        await SanitiseAsync(cancellationToken).ConfigureAwait(false);
        Remember();
        await LoadChoicesAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        UnitChoice? deepest = await SanitiseAsync(cancellationToken).ConfigureAwait(false);
        if (WorkUnitId is null)
        {
            AddError(nameof(WorkUnitId), "请查找并选择现今工作单位（必填）。", "Search for and choose your current work unit (required).");
        }
        else if (deepest?.BankCode is null)
        {
            CentreOptions c = centre.Value;
            AddError(nameof(WorkUnitId), $"所选单位没有对应的开户银行，无法制卡。请联系单位人事部门或{c.AgencyShortName.Zh}：{c.Hotline}。",
                $"The chosen unit has no card bank, so no card can be made. Contact your HR department or {c.AgencyShortName.In(english: true)}: {c.Hotline}.");
        }

        if (Countries.Find(Nationality) is null)
        {
            AddError(nameof(Nationality), "请选择国籍。", "Choose a nationality.");
        }
        else if (Draft.IdType == Platform.Domain.IdType.ResidentId && !string.Equals(Nationality, Countries.China, StringComparison.OrdinalIgnoreCase))
        {
            AddError(nameof(Nationality), "使用居民身份证的申请人国籍应为中国。", "Applicants with a resident ID card have Chinese nationality.");
        }

        Remember();
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(cancellationToken).ConfigureAwait(false);
            return Page();
        }

        return Complete();
    }

    private void Remember()
    {
        Draft.WorkUnitId = WorkUnitId;
        Draft.WorkUnitLevel2Id = WorkUnitLevel2Id;
        Draft.WorkUnitLevel3Id = WorkUnitLevel3Id;
        Draft.Nationality = Nationality?.Trim().ToUpperInvariant();
        Save();
    }

    /// <summary>Drops sub-unit choices that do not belong under the chosen parent; returns the deepest valid unit.</summary>
    private async Task<UnitChoice?> SanitiseAsync(CancellationToken cancellationToken)
    {
        UnitChoice? top = WorkUnitId is { } id ? await registry.GetUnitAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (top is null)
        {
            WorkUnitId = WorkUnitLevel2Id = WorkUnitLevel3Id = null;
            return null;
        }

        UnitChoice? level2 = WorkUnitLevel2Id is { } id2 ? await registry.GetUnitAsync(id2, cancellationToken).ConfigureAwait(false) : null;
        if (level2 is null || level2.ParentId != top.Id)
        {
            WorkUnitLevel2Id = WorkUnitLevel3Id = null;
            return top;
        }

        UnitChoice? level3 = WorkUnitLevel3Id is { } id3 ? await registry.GetUnitAsync(id3, cancellationToken).ConfigureAwait(false) : null;
        if (level3 is null || level3.ParentId != level2.Id)
        {
            WorkUnitLevel3Id = null;
            return level2;
        }

        return level3;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<UnitChoice>();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            candidates.AddRange(await registry.SearchUnitsAsync(Query.Trim(), 20, cancellationToken).ConfigureAwait(false));
        }

        UnitChoice? chosen = WorkUnitId is { } id ? await registry.GetUnitAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (chosen is not null && candidates.TrueForAll(c => c.Id != chosen.Id))
        {
            candidates.Insert(0, chosen);
        }

        Candidates = candidates;
        if (chosen is null)
        {
            return;
        }

        Level2Options = await registry.ChildUnitsAsync(chosen.Id, cancellationToken).ConfigureAwait(false);
        UnitChoice deepest = chosen;
        if (WorkUnitLevel2Id is { } id2 && Level2Options.FirstOrDefault(u => u.Id == id2) is { } l2)
        {
            deepest = l2;
            Level3Options = await registry.ChildUnitsAsync(id2, cancellationToken).ConfigureAwait(false);
            if (WorkUnitLevel3Id is { } id3 && Level3Options.FirstOrDefault(u => u.Id == id3) is { } l3)
            {
                deepest = l3;
            }
        }

        Bank = deepest.BankCode is { } code ? $"{BankCodes.Find(code)?.Zh ?? code} {deepest.BankBranch}" : null;
    }
}
