namespace SocialCard.Web.Features.Account;

/// <summary>Who signed in: a unit (login = unit code, with its database id) or a staff member (with roles).</summary>
public sealed record AccountIdentity(string Login, string DisplayName, IReadOnlyList<string> Roles)
{
    public long? UnitId { get; init; }

    /// <summary>The password is a temporary one an administrator set: nothing but the password change opens.</summary>
    public bool MustChangePassword { get; init; }
}
