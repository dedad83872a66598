using SocialCard.Platform.Domain;

namespace SocialCard.Platform;

/// <summary>One person's record in full, for staff; every read is audited.</summary>
public sealed record PersonDetail(long Id, IdType IdType, string IdNumber, string CountryCode, string? SocialSecurityNumber, string PersonalNumber,
    string Name, Gender Gender, DateOnly BirthDate, string Nationality, string? Phone, string? UnitCode, string? UnitName, string? BankCode, string? BankBranch);
