using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Accounts;

/// <summary>One centre staff account.</summary>
public sealed record StaffAccountListItem(long Id, string Login, string DisplayName, StaffRole Role, bool Disabled, bool MustChangePassword,
    DateTimeOffset? LastSignInAt);
