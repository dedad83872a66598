using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Codes;
using SocialCard.Web.Features.Wizard;

namespace SocialCard.Web.Features.RegistrationForm;

/// <summary>Turns a stored application into the printed form's text (code tables resolved to their form labels).</summary>
public static class RegistrationFormMapper
{
    public static RegistrationFormData From(ApplicationView view, CentreOptions centre)
    {
        string occupation = view.OccupationCode ?? string.Empty;
        string education = view.EducationCode ?? string.Empty;
        UnitChoice? work = view.WorkUnitPath.Count > 0 ? view.WorkUnitPath[0] : null;
        return new RegistrationFormData
        {
            ApplicationReference = view.Reference,
            SubmittedAt = ChinaTime.ToChina(view.SubmittedAt),
            Name = view.Name,
            Gender = WizardText.GenderZh(view.Gender),
            Nationality = Countries.Find(view.Nationality)?.Zh ?? view.Nationality,
            IdTypeName = WizardText.IdTypeZh(view.IdType),
            IdNumber = view.IdNumber,
            IdValidFrom = view.IdValidFrom ?? default,
            IdValidUntil = view.IdValidLongTerm ? null : view.IdValidUntil,
            IdIssuingAuthority = view.IdIssuingAuthority ?? string.Empty,
            SocialSecurityNumber = view.SocialSecurityNumber,
            Mobile = view.Phone ?? string.Empty,
            InsuredUnitCode = view.InsuredUnit?.Code ?? string.Empty,
            InsuredUnitName = view.InsuredUnit?.Name ?? string.Empty,
            WorkUnit = work?.Name ?? string.Empty,
            WorkUnitLevel2 = view.WorkUnitPath.Count > 1 ? view.WorkUnitPath[1].Name : null,
            WorkUnitLevel3 = view.WorkUnitPath.Count > 2 ? view.WorkUnitPath[2].Name : null,
            BankName = view.BankCode is { } bank ? centre.BankName(bank) : string.Empty,
            BankBranch = view.BankBranch ?? string.Empty,
            HouseholdAddress = view.HouseholdAddress ?? string.Empty,
            ResidentialAddress = view.ResidentialAddress ?? string.Empty,
            PostalCode = view.PostalCode ?? string.Empty,
            OccupationCode = occupation,
            OccupationName = OccupationCodes.FormLabel(occupation) ?? string.Empty,
            EducationCode = education,
            EducationName = EducationCodes.Find(education)?.Zh ?? string.Empty,
            PhotoJpeg = view.Photo,
            IdCardFrontJpeg = view.IdFront,
            IdCardBackJpeg = view.IdBack,
            OccupationLegend = [.. OccupationCodes.All.Select(e => new CodeLegendEntry(e.Code, OccupationCodes.FormLabel(e.Code) ?? e.Zh))],
            EducationLegend = [.. EducationCodes.All.Where(e => e.Code.EndsWith('0')).Select(e => new CodeLegendEntry(e.Code, e.Zh))],
        };
    }
}
