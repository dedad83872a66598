namespace SocialCard.Web.Features.Wizard;

/// <summary>A unit as the wizard shows it, with the bank resolved up its tree (null when no level has one).</summary>
public sealed record UnitChoice(long Id, string Code, string Name, int Level, long? ParentId, string? BankCode, string? BankBranch);
