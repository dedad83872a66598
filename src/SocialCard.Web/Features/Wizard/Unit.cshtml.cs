using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Centre;

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

    private readonly WorkUnitPicker _picker = new();

    /// <summary>The found units, the sub-unit lists and the bank, as the form shows them.</summary>
    public WorkUnitChoicesView Choices => new(_picker, "bank", ShowEmptyNote: true);

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

    /// <summary>The choices as posted, checked and listed by the one picker the change page uses too.</summary>
    private async Task<UnitChoice?> SanitiseAsync(CancellationToken cancellationToken)
    {
        (_picker.TopId, _picker.Level2Id, _picker.Level3Id) = (WorkUnitId, WorkUnitLevel2Id, WorkUnitLevel3Id);
        UnitChoice? deepest = await _picker.SanitiseAsync(registry, cancellationToken).ConfigureAwait(false);
        (WorkUnitId, WorkUnitLevel2Id, WorkUnitLevel3Id) = (_picker.TopId, _picker.Level2Id, _picker.Level3Id);
        return deepest;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        (_picker.TopId, _picker.Level2Id, _picker.Level3Id) = (WorkUnitId, WorkUnitLevel2Id, WorkUnitLevel3Id);
        await _picker.LoadAsync(registry, centre.Value, Query, cancellationToken).ConfigureAwait(false);
    }
}
