namespace SocialCard.Web.Features.Account;

/// <summary>
/// Checks credentials against the system of record, which counts failures per account and per client address and
/// slows repeated attempts down there (so the delays hold across web nodes and restarts).
/// </summary>
public interface IAccountDirectory
{
    /// <summary>Checks a unit login: the unit code (the unit's shared login) or "code/clerk" (a clerk's own login).</summary>
    Task<AccountCheck> CheckUnitAsync(string login, string password, string clientAddress, CancellationToken cancellationToken);

    Task<AccountCheck> CheckStaffAsync(string login, string password, string clientAddress, CancellationToken cancellationToken);
}
