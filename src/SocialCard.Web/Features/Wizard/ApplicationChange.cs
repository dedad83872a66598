namespace SocialCard.Web.Features.Wizard;

/// <summary>What the 查询/修改 page may change within 24 hours of submission.</summary>
public sealed record ApplicationChange(
    string? IdIssuingAuthority,
    DateOnly? IdValidFrom,
    DateOnly? IdValidUntil,
    bool IdValidLongTerm,
    string? HouseholdAddress,
    string? ResidentialAddress,
    string? PostalCode,
    string? OccupationCode,
    string? EducationCode);
