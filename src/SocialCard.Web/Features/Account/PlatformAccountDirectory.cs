using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Account;

/// <summary>The Platform's <see cref="AccountSignIn"/> (PBKDF2, failure counter and lock-out on the account row, audited).</summary>
public sealed class PlatformAccountDirectory(AccountSignIn signIn, PlatformDatabase database) : IAccountDirectory
{
    public async Task<AccountCheck> CheckUnitAsync(string unitCode, string password, CancellationToken cancellationToken)
    {
        (SignInResult result, UnitAccount? account) = await signIn.SignInUnitAsync(unitCode, password, cancellationToken);
        if (result != SignInResult.Succeeded || account is null)
        {
            return Map(result);
        }

        await using PlatformDbContext db = database.CreateDbContext();
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == account.LoginName)
            .Select(u => new { u.Id, u.Name }).SingleOrDefaultAsync(cancellationToken);
        return unit is null
            ? AccountCheck.Invalid
            : AccountCheck.Success(new AccountIdentity(account.LoginName, unit.Name, []) { UnitId = unit.Id });
    }

    public async Task<AccountCheck> CheckStaffAsync(string login, string password, CancellationToken cancellationToken)
    {
        (SignInResult result, StaffAccount? account) = await signIn.SignInStaffAsync(login, password, cancellationToken);
        return result == SignInResult.Succeeded && account is not null
            ? AccountCheck.Success(new AccountIdentity(account.LoginName, account.DisplayName, [account.Role.ToString()]))
            : Map(result);
    }

    private static AccountCheck Map(SignInResult result) =>
        result == SignInResult.LockedOut ? AccountCheck.LockedOut : AccountCheck.Invalid;
}
