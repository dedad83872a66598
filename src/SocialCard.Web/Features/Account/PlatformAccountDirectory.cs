using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Account;

/// <summary>The Platform's <see cref="AccountSignIn"/> (PBKDF2, progressive delay in the database, audited).</summary>
public sealed class PlatformAccountDirectory(AccountSignIn signIn, PlatformDatabase database) : IAccountDirectory
{
    public async Task<AccountCheck> CheckUnitAsync(string login, string password, string clientAddress, CancellationToken cancellationToken)
    {
        SignInAttempt<UnitAccount> attempt = await signIn.SignInUnitAsync(login, password, clientAddress, cancellationToken);
        if (attempt.Result != SignInResult.Succeeded || attempt.Account is not { } account)
        {
            return Map(attempt.Result, attempt.RetryAfter);
        }

        await using PlatformDbContext db = database.CreateDbContext();
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == account.UnitId)
            .Select(u => new { u.Id, u.Code, u.Name }).SingleOrDefaultAsync(cancellationToken);
        return unit is null
            ? AccountCheck.Invalid
            : AccountCheck.Success(new AccountIdentity(account.LoginName, unit.Name, [account.UnitRole.ToString()])
            {
                UnitId = unit.Id,
                UnitCode = unit.Code,
                ClerkName = account.ClerkName,
                MustChangePassword = account.MustChangePassword,
            });
    }

    public async Task<AccountCheck> CheckStaffAsync(string login, string password, string clientAddress, CancellationToken cancellationToken)
    {
        SignInAttempt<StaffAccount> attempt = await signIn.SignInStaffAsync(login, password, clientAddress, cancellationToken);
        return attempt.Result == SignInResult.Succeeded && attempt.Account is { } account
            ? AccountCheck.Success(new AccountIdentity(account.LoginName, account.DisplayName, [account.Role.ToString()]) { MustChangePassword = account.MustChangePassword })
            : Map(attempt.Result, attempt.RetryAfter);
    }

    private static AccountCheck Map(SignInResult result, TimeSpan retryAfter) => result switch
    {
        SignInResult.Throttled => AccountCheck.Throttled(retryAfter),
        SignInResult.Disabled => AccountCheck.Disabled,
        _ => AccountCheck.Invalid,
    };
}
