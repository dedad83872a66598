using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform.Domain.Codes;
using SocialCard.Platform.Domain.Validation;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Step 9: 职业 (GB/T 6565 major groups) and 学历 (GB/T 4658 levels) from Platform's code tables.</summary>
public sealed class OccupationModel(IWizardDraftStore drafts, TimeProvider clock) : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Occupation;

    /// <summary>The form offers the level codes (10, 20, ... 90), as the printed legend does.</summary>
    public static IReadOnlyList<CodeEntry> EducationChoices { get; } =
        [.. EducationCodes.All.Where(e => e.Code.EndsWith('0'))];

    [BindProperty]
    public string? OccupationCode { get; set; }

    [BindProperty]
    public string? EducationCode { get; set; }

    public void OnGet()
    {
        OccupationCode = Draft.OccupationCode;
        EducationCode = Draft.EducationCode;
    }

    public IActionResult OnPost()
    {
        if (InputRules.Occupation(OccupationCode, nameof(OccupationCode)) is { } occupation)
        {
            AddError(occupation);
        }

        if (InputRules.Education(EducationCode, nameof(EducationCode)) is { } education)
        {
            AddError(education);
        }

        Draft.OccupationCode = OccupationCodes.Normalize(OccupationCode) ?? OccupationCode;
        Draft.EducationCode = EducationCode?.Trim();
        if (!ModelState.IsValid)
        {
            Save();
            return Page();
        }

        return Complete();
    }
}
