using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Registry;

/// <summary>One validated person for bulk writing.</summary>
public sealed record PersonRow(
    IdType IdType,
    string IdNumber,
    string CountryCode,
    string? SocialSecurityNumber,
    string PersonalNumber,
    string Name,
    Gender Gender,
    DateOnly BirthDate,
    string Nationality,
    string? Phone,
    long? UnitId);
