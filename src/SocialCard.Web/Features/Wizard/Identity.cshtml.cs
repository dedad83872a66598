using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Step 3: 证件类型 + 国家或地区 + 证件号码. A resident ID is checked against GB 11643 (region, birth date, check
/// character); a passport needs a non-Chinese country. The registry is then asked for the person, but nothing it
/// knows is shown yet: a code goes to the person's phone on file and the next step only names that number masked.
/// A well-formed ID number that the registry does not know answers exactly alike (see <see cref="PhoneOnFile"/>), so
/// the page cannot be used to find out who is registered. 社保号码 and 姓名 appear once the code is verified.
/// </summary>
[EnableRateLimiting(ApplicantLookupRateLimit.PolicyName)]
public sealed class IdentityModel(IWizardDraftStore drafts, TimeProvider clock, IApplicantRegistry registry, SmsCodeService sms, PlatformDatabase database)
    : WizardPageModel(drafts, clock)
{
    public override WizardStep Step => WizardStep.Identity;

    [BindProperty]
    public IdType IdType { get; set; } = IdType.ResidentId;

    [BindProperty]
    public string CountryCode { get; set; } = Countries.China;

    [BindProperty]
    public string? IdNumber { get; set; }

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
        (string phone, _) = PhoneOnFile.For(person, IdType, country, number, database.Protector);
        bool changed = !string.Equals(Draft.IdNumber, number, StringComparison.Ordinal) || Draft.IdType != IdType
            || !string.Equals(Draft.CountryCode, country, StringComparison.Ordinal) || Draft.Person?.PersonId != person?.PersonId
            || !string.Equals(Draft.Mobile, phone, StringComparison.Ordinal);
        Draft.IdType = IdType;
        Draft.CountryCode = country;
        Draft.IdNumber = number;
        if (changed)
        {
            InvalidateFrom(Step);
            Draft.Person = person;
            Draft.Mobile = phone;
            Draft.VerifiedMobile = null;
            Draft.VerifiedPersonId = null;
            Draft.KeepPhotoOnFile = false;
            Draft.Nationality = IdType == IdType.ResidentId ? Countries.China : country;
            Draft.WorkUnitId = Draft.WorkUnitLevel2Id = Draft.WorkUnitLevel3Id = null;
        }

        if (!Draft.HasProvenIdentity)
        {
            // Too soon or over a daily limit: the next page offers to send again and says why then.
            await MobileModel.SendCodeAsync(sms, Draft, HttpContext, cancellationToken).ConfigureAwait(false);
        }

        return Complete();
    }
}
