using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Account;

/// <summary>The Platform's <see cref="AccountSignIn"/> (PBKDF2, progressive delay in the database, audited).</summary>
public sealed class PlatformAccountDirectory(AccountSignIn signIn, PlatformDatabase database) : IAccountDirectory
{
    public async Task<AccountCheck> CheckUnitAsync(string unitCode, string password, string clientAddress, CancellationToken cancellationToken)
    {
        SignInAttempt<UnitAccount> attempt = await signIn.SignInUnitAsync(unitCode, password, clientAddress, cancellationToken);
        if (attempt.Result != SignInResult.Succeeded || attempt.Account is not { } account)
        {
            return Map(attempt.Result, attempt.RetryAfter);
        }

        await using PlatformDbContext db = database.CreateDbContext();
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == account.LoginName)
            .Select(u => new { u.Id, u.Name }).SingleOrDefaultAsync(cancellationToken);
        return unit is null
            ? AccountCheck.Invalid
            : AccountCheck.Success(new AccountIdentity(account.LoginName, unit.Name, []) { UnitId = unit.Id, MustChangePassword = account.MustChangePassword });
    }

    public async Task<AccountCheck> CheckStaffAsync(string login, string password, string clientAddress, CancellationToken cancellationToken)
    {
        SignInAttempt<StaffAccount> attempt = await signIn.SignInStaffAsync(login, password, clientAddress, cancellationToken);
        return attempt.Result == SignInResult.Succeeded && attempt.Account is { } account
            ? AccountCheck.Success(new AccountIdentity(account.LoginName, account.DisplayName, [account.Role.ToString()]) { MustChangePassword = account.MustChangePassword })
            : Map(attempt.Result, attempt.RetryAfter);
    }

    private static AccountCheck Map(SignInResult result, TimeSpan retryAfter) =>
        result == SignInResult.Throttled ? AccountCheck.Throttled(retryAfter) : AccountCheck.Invalid;
}
