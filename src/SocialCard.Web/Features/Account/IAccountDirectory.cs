namespace SocialCard.Web.Features.Account;

/// <summary>
/// Checks credentials against the system of record, counting failures and locking accounts there (so the
/// lock-out holds across web nodes).
/// </summary>
public interface IAccountDirectory
{
    Task<AccountCheck> CheckUnitAsync(string unitCode, string password, CancellationToken cancellationToken);

    Task<AccountCheck> CheckStaffAsync(string login, string password, CancellationToken cancellationToken);
}
