namespace SocialCard.Web.Features.Account;

/// <summary>Who signed in: a unit login (the unit code, or "code/clerk" for a clerk's own login; with the unit's
/// database id and the login's role) or a staff member (with roles).</summary>
public sealed record AccountIdentity(string Login, string DisplayName, IReadOnlyList<string> Roles)
{
    public long? UnitId { get; init; }

    /// <summary>The unit code of a unit login (defaults to <see cref="Login"/>, the unit's shared login).</summary>
    public string? UnitCode { get; init; }

    /// <summary>The clerk's name, for a clerk's own login.</summary>
    public string? ClerkName { get; init; }

    /// <summary>The password is a temporary one an administrator set: nothing but the password change opens.</summary>
    public bool MustChangePassword { get; init; }
}
