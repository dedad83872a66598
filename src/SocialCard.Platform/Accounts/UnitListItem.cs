namespace SocialCard.Platform.Accounts;

/// <summary>One unit on the centre's unit list: where it sits in the tree, whether it is open, and how many logins it has.</summary>
public sealed record UnitListItem(long Id, string Code, string Name, string? ParentCode, int Level, bool Closed, int Accounts, int People);
