using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Wizard;

/// <summary>What the registry knows about the applicant, found from the ID number (seed 004: 社保号码 and 姓名 are
/// filled in by the system).</summary>
public sealed record RegistryPerson(
    long PersonId,
    string SocialSecurityNumber,
    string PersonalNumber,
    string Name,
    Gender Gender,
    string Nationality,
    UnitChoice? InsuredUnit,
    UnitChoice? CurrentUnit,
    bool HasPhotoOnFile,
    string? Phone);
