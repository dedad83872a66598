using Microsoft.AspNetCore.Mvc;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Step 6: 证件发证机关, 证件有效期 (must end more than four months after today, seed 004), 户口所在地址, 常住地址,
/// 邮政编码. Rules are Platform's <see cref="InputRules"/>.
/// </summary>
public sealed class PersonalModel(IWizardDraftStore drafts, TimeProvider clock) : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Personal;

    [BindProperty]
    public string? IdIssuingAuthority { get; set; }

    [BindProperty]
    public DateOnly? IdValidFrom { get; set; }

    [BindProperty]
    public DateOnly? IdValidUntil { get; set; }

    [BindProperty]
    public bool IdValidLongTerm { get; set; }

    [BindProperty]
    public string? HouseholdAddress { get; set; }

    [BindProperty]
    public string? ResidentialAddress { get; set; }

    [BindProperty]
    public string? PostalCode { get; set; }

    public DateOnly ValidityLimit => Today.AddMonths(4);

    public void OnGet()
    {
        IdIssuingAuthority = Draft.IdIssuingAuthority;
        IdValidFrom = Draft.IdValidFrom;
        IdValidUntil = Draft.IdValidUntil;
        IdValidLongTerm = Draft.IdValidLongTerm;
        HouseholdAddress = Draft.HouseholdAddress;
        ResidentialAddress = Draft.ResidentialAddress;
        PostalCode = Draft.PostalCode;
    }

    public IActionResult OnPost()
    {
        // A date the browser could not parse arrives as a model-binding error: keep only ours, in the visitor's language.
        ModelState.Clear();
        foreach (ValidationError error in Validate(this, Today))
        {
            AddError(error);
        }

        Draft.IdIssuingAuthority = IdIssuingAuthority?.Trim();
        Draft.IdValidFrom = IdValidFrom;
        Draft.IdValidUntil = IdValidLongTerm ? null : IdValidUntil;
        Draft.IdValidLongTerm = IdValidLongTerm;
        Draft.HouseholdAddress = HouseholdAddress?.Trim();
        Draft.ResidentialAddress = ResidentialAddress?.Trim();
        Draft.PostalCode = PostalCode?.Trim();
        if (!ModelState.IsValid)
        {
            Save();
            return Page();
        }

        return Complete();
    }

    /// <summary>The step's rules, shared with the change page. Field names are this page's property names.</summary>
    public static IEnumerable<ValidationError> Validate(PersonalModel input, DateOnly today) =>
        Validate(input.IdIssuingAuthority, input.IdValidFrom, input.IdValidUntil, input.IdValidLongTerm, input.HouseholdAddress,
            input.ResidentialAddress, input.PostalCode, today);

    public static IEnumerable<ValidationError> Validate(string? authority, DateOnly? from, DateOnly? until, bool longTerm,
        string? household, string? residential, string? postalCode, DateOnly today)
    {
        ValidationError?[] errors =
        [
            InputRules.Required(authority, nameof(IdIssuingAuthority), "证件发证机关", "ID issuing authority"),
            from is null ? new ValidationError(nameof(IdValidFrom), "请填写证件有效期起始日期。", "Enter the date the ID is valid from.") : null,
            InputRules.IdValidity(from, longTerm ? null : until, longTerm, today, nameof(IdValidUntil)) is { } v
                ? v with { Field = v.Field == "idValidFrom" ? nameof(IdValidFrom) : nameof(IdValidUntil) }
                : null,
            InputRules.Required(household, nameof(HouseholdAddress), "户口所在地址", "household register address"),
            InputRules.Required(residential, nameof(ResidentialAddress), "常住地址", "residential address"),
            InputRules.PostalCode(postalCode, nameof(PostalCode)),
        ];
        return errors.OfType<ValidationError>();
    }
}
