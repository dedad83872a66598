using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Step 3: 证件类型 + 国家或地区 + 证件号码. A resident ID is checked against GB 11643 (region, birth date, check
/// character); a passport needs a non-Chinese country. The registry then supplies 社保号码 and 姓名; when none is
/// found the page says to call 028-86245818 (seed 004). A person whose submitted application is still inside its
/// 24-hour window is sent to 办理查询 to change it instead of submitting a second one.
/// </summary>
[EnableRateLimiting(ApplicantLookupRateLimit.PolicyName)]
public sealed class IdentityModel(IWizardDraftStore drafts, TimeProvider clock, IApplicantRegistry registry, ApplicationService applications)
    : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Identity;

    [BindProperty]
    public IdType IdType { get; set; } = IdType.ResidentId;

    [BindProperty]
    public string CountryCode { get; set; } = Countries.China;

    [BindProperty]
    public string? IdNumber { get; set; }

    public bool PersonNotFound { get; private set; }

    /// <summary>Set when the person already has an application inside its change window.</summary>
    public ApplicationView? OpenApplication { get; private set; }

    public void OnGet()
    {
        IdType = Draft.IdType;
        CountryCode = Draft.CountryCode;
        IdNumber = Draft.IdNumber;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        string number = (IdNumber ?? string.Empty).Trim().ToUpperInvariant();
        string country = (CountryCode ?? string.Empty).Trim().ToUpperInvariant();
        if (IdType == IdType.ResidentId)
        {
            if (country != Countries.China)
            {
                AddError(nameof(CountryCode), "居民身份证(户口簿)的国家或地区应为中国。", "A resident ID card's country is China.");
            }

            if (ResidentIdNumber.Validate(number, Today, out _, nameof(IdNumber)) is { } error)
            {
                AddError(error);
            }
        }
        else if (InputRules.Passport(number, country, nameof(IdNumber)) is { } error)
        {
            AddError(error, error.Field == "countryCode" ? nameof(CountryCode) : nameof(IdNumber));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        RegistryPerson? person = await registry.FindPersonAsync(IdType, country, number, cancellationToken).ConfigureAwait(false);
        bool changed = !string.Equals(Draft.IdNumber, number, StringComparison.Ordinal) || Draft.IdType != IdType;
        Draft.IdType = IdType;
        Draft.CountryCode = country;
        Draft.IdNumber = number;
        if (person is null)
        {
            Draft.Person = null;
            InvalidateFrom(Step);
            Save();
            PersonNotFound = true;
            return Page();
        }

        if (await applications.FindLatestAsync(IdType, country, number, cancellationToken).ConfigureAwait(false) is { State: ApplicationState.Submitted } open)
        {
            Save();
            OpenApplication = open;
            AddError(nameof(IdNumber), $"该证件号码已于 {ChinaTime.ToChina(open.SubmittedAt):yyyy-MM-dd HH:mm} 提交申请（{open.Reference}），请通过“办理查询”页面修改，无需重复提交。",
                $"An application ({open.Reference}) was already submitted for this ID number; change it on the \"View or change\" page instead of applying again.");
            return Page();
        }

        if (changed || Draft.Person?.PersonId != person.PersonId)
        {
            InvalidateFrom(Step);
            Draft.Nationality = IdType == IdType.ResidentId ? Countries.China : country;
            Draft.Mobile = person.Phone;
            Draft.VerifiedMobile = null;
            Draft.WorkUnitId = Draft.WorkUnitLevel2Id = Draft.WorkUnitLevel3Id = null;
        }

        Draft.Person = person;
        return Complete();
    }
}
