namespace SocialCard.Platform.Accounts;

/// <summary>One unit on the centre's unit list: where it sits in the tree, whether it is open, how many logins it has, and its
/// own bank (none: its parent's applies).</summary>
public sealed record UnitListItem(long Id, string Code, string Name, string? ParentCode, int Level, bool Closed, int Accounts, int People,
    string? BankCode = null, string? BankBranch = null);
