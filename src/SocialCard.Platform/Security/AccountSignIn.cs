using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>Password sign-in for staff and unit accounts with the failed-attempt counter and lock-out; every attempt is
/// audited.</summary>
public sealed class AccountSignIn(PlatformDatabase database, TimeProvider time)
{
    public async Task<(SignInResult Result, StaffAccount? Account)> SignInStaffAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var acc = await db.StaffAccounts.SingleOrDefaultAsync(a => a.LoginName == login, cancellationToken).ConfigureAwait(false);
        var r = await CheckAsync(db, acc, "staff:" + login, password, cancellationToken).ConfigureAwait(false);
        return (r, r == SignInResult.Succeeded ? acc : null);
    }

    public async Task<(SignInResult Result, UnitAccount? Account)> SignInUnitAsync(string unitCode, string password, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var acc = await db.UnitAccounts.SingleOrDefaultAsync(a => a.LoginName == unitCode, cancellationToken).ConfigureAwait(false);
        var r = await CheckAsync(db, acc, "unit:" + unitCode, password, cancellationToken).ConfigureAwait(false);
        return (r, r == SignInResult.Succeeded ? acc : null);
    }

    private async Task<SignInResult> CheckAsync(PlatformDbContext db, Account? acc, string actor, string password, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        SignInResult result;
        if (acc is null)
        {
            // Same cost as a real check, so timing does not reveal which logins exist.
            PasswordHasher.Verify(password, DummyHash);
            result = SignInResult.Failed;
        }
        else if (acc.IsLockedOut(now))
        {
            result = SignInResult.LockedOut;
        }
        else if (PasswordHasher.Verify(password, acc.PasswordHash))
        {
            acc.RecordSuccess(now);
            result = SignInResult.Succeeded;
        }
        else
        {
            var locked = acc.RecordFailure(now);
            result = locked ? SignInResult.LockedOut : SignInResult.Failed;
        }

        var action = result switch
        {
            SignInResult.Succeeded => AuditActions.SignInSucceeded,
            SignInResult.LockedOut => AuditActions.AccountLocked,
            _ => AuditActions.SignInFailed,
        };
        db.AuditEvents.Add(new AuditEvent(now, actor, action, "account", acc?.Id.ToString(CultureInfo.InvariantCulture) ?? "-"));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return result;
    }

    private static readonly string DummyHash = PasswordHasher.Hash("not-a-password-" + Guid.NewGuid());
}
