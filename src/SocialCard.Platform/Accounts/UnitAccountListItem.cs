using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Accounts;

/// <summary>One unit login: the unit's shared login (<see cref="ClerkLogin"/> null) or an HR clerk's own.</summary>
public sealed record UnitAccountListItem(long Id, string UnitCode, string UnitName, string LoginName, string? ClerkLogin, string? ClerkName,
    UnitAccountRole Role, bool Disabled, bool MustChangePassword, DateTimeOffset? LastSignInAt);
