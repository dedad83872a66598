namespace SocialCard.Platform.Reports;

/// <summary>One application in the hand-over file for the social insurance bureau.</summary>
public sealed record ApplicationHandOverRow(
    long ApplicationId,
    string Name,
    string IdType,
    string IdNumber,
    string? SocialSecurityNumber,
    string PersonalNumber,
    string? BankCode,
    string? BankBranch,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset HandedOverAt);
