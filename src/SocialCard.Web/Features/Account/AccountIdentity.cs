namespace SocialCard.Web.Features.Account;

/// <summary>Who signed in: a unit (login = unit code, with its database id) or a staff member (with roles).</summary>
public sealed record AccountIdentity(string Login, string DisplayName, IReadOnlyList<string> Roles)
{
    public long? UnitId { get; init; }
}
