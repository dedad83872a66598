using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Desks;

/// <summary>One application opened in full at the desk (the opening is audited).</summary>
public sealed record ApplicationReview(
    long Id,
    ApplicationState State,
    string PersonalNumber,
    string Name,
    IdType IdType,
    string MaskedIdNumber,
    string? Phone,
    string? UnitCode,
    string? UnitName,
    string? IdIssuingAuthority,
    DateOnly? IdValidFrom,
    DateOnly? IdValidUntil,
    bool IdValidLongTerm,
    string? HouseholdAddress,
    string? ResidentialAddress,
    string? PostalCode,
    string? OccupationCode,
    string? EducationCode,
    string? BankCode,
    string? BankBranch,
    long? PhotoId,
    bool HasIdImages,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? EditableUntil,
    DateTimeOffset? HandedOverAt);
