using System.Globalization;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Codes;

namespace SocialCard.Web.Features.Wizard;

/// <summary>Display text of an application (draft or stored) for the summary and the change page.</summary>
public sealed record ApplicationDetailsModel
{
    public required string Name { get; init; }
    public required Gender Gender { get; init; }
    public required IdType IdType { get; init; }
    public required string IdNumber { get; init; }
    public required string SocialSecurityNumber { get; init; }
    public string? Phone { get; init; }
    public string? InsuredUnit { get; init; }
    public string? WorkUnit { get; init; }
    public string? Bank { get; init; }
    public string? Nationality { get; init; }
    public string? IdIssuingAuthority { get; init; }
    public string? Validity { get; init; }
    public string? HouseholdAddress { get; init; }
    public string? ResidentialAddress { get; init; }
    public string? PostalCode { get; init; }
    public string? Occupation { get; init; }
    public string? Education { get; init; }

    public static ApplicationDetailsModel From(ApplicationView v, CentreOptions centre) => new()
    {
        Name = v.Name,
        Gender = v.Gender,
        IdType = v.IdType,
        IdNumber = v.IdNumber,
        SocialSecurityNumber = v.SocialSecurityNumber,
        Phone = v.Phone,
        InsuredUnit = v.InsuredUnit is { } u ? $"{u.Code} {u.Name}" : null,
        WorkUnit = string.Join(" / ", v.WorkUnitPath.Select(p => p.Name)),
        Bank = BankText(centre, v.BankCode, v.BankBranch),
        Nationality = CountryText(v.Nationality),
        IdIssuingAuthority = v.IdIssuingAuthority,
        Validity = ValidityText(v.IdValidFrom, v.IdValidUntil, v.IdValidLongTerm),
        HouseholdAddress = v.HouseholdAddress,
        ResidentialAddress = v.ResidentialAddress,
        PostalCode = v.PostalCode,
        Occupation = OccupationText(v.OccupationCode),
        Education = EducationText(v.EducationCode),
    };

    /// <summary>The bank as the centre's list names it, in the reader's language, with the branch.</summary>
    public static string? BankText(CentreOptions centre, string? code, string? branch)
    {
        ArgumentNullException.ThrowIfNull(centre);
        return code is null ? null : $"{WizardPageModel.Say(centre.BankName(code), centre.BankName(code, english: true))} {branch}".Trim();
    }

    public static string? CountryText(string? code) =>
        Countries.Find(code) is { } c ? WizardPageModel.Say(c.Zh, c.En) : code;

    public static string ValidityText(DateOnly? from, DateOnly? until, bool longTerm) =>
        $"{from?.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture)} - {(longTerm ? WizardPageModel.Say("长期", "long-term") : until?.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture))}";

    public static string? OccupationText(string? code) =>
        code is null ? null : OccupationCodes.Find(code) is { } e ? $"{e.Code} {WizardPageModel.Say(OccupationCodes.FormLabel(e.Code) ?? e.Zh, e.En)}" : code;

    public static string? EducationText(string? code) =>
        code is null ? null : EducationCodes.Find(code) is { } e ? $"{e.Code} {WizardPageModel.Say(e.Zh, e.En)}" : code;
}
