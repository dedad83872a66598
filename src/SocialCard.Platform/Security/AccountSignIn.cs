using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// Password sign-in for staff and unit accounts. Failures slow the next attempts down (<see cref="SignInThrottle"/>:
/// per login and address, per login, per address; in the database, shared by every node) instead of locking the
/// account. An unknown login costs the same hash check and is counted and delayed like a known one, so neither the
/// answer nor its timing tells whether a login exists. Every attempt is audited.
/// </summary>
public sealed class AccountSignIn(PlatformDatabase database, SignInThrottle throttle, TimeProvider time)
{
    public async Task<SignInAttempt<StaffAccount>> SignInStaffAsync(string login, string password, string clientAddress,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var acc = await db.StaffAccounts.SingleOrDefaultAsync(a => a.LoginName == login, cancellationToken).ConfigureAwait(false);
        return await CheckAsync(db, acc, "staff:" + login, password, clientAddress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs a unit account in: <paramref name="login"/> is the unit code (the unit's shared login) or
    /// "code/clerk" (<see cref="UnitAccount.LoginFor"/>). A closed unit, or one below a closed unit, signs in no one.</summary>
    public async Task<SignInAttempt<UnitAccount>> SignInUnitAsync(string login, string password, string clientAddress,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var acc = await db.UnitAccounts.SingleOrDefaultAsync(a => a.LoginName == login, cancellationToken).ConfigureAwait(false);
        var closed = acc is not null && await UnitTree.IsClosedAsync(db, acc.UnitId, cancellationToken).ConfigureAwait(false);
        return await CheckAsync(db, acc, "unit:" + login, password, clientAddress, cancellationToken, closed).ConfigureAwait(false);
    }

    private async Task<SignInAttempt<TAccount>> CheckAsync<TAccount>(PlatformDbContext db, TAccount? acc, string actor, string password,
        string clientAddress, CancellationToken ct, bool unitClosed = false)
        where TAccount : Account
    {
        var now = time.GetUtcNow();
        SignInAttempt<TAccount> attempt;
        var gate = await throttle.TryBeginAsync(actor, clientAddress, ct).ConfigureAwait(false);
        if (!gate.Allowed)
        {
            attempt = new SignInAttempt<TAccount>(SignInResult.Throttled, null, gate.RetryAfter);
        }
        else if (acc is null)
        {
            // Same cost as a real check, so timing does not reveal which logins exist.
            PasswordHasher.Verify(password, DummyHash);
            attempt = new SignInAttempt<TAccount>(SignInResult.Failed, null, TimeSpan.Zero);
        }
        else if (!PasswordHasher.Verify(password, acc.PasswordHash))
        {
            acc.RecordFailure();
            attempt = new SignInAttempt<TAccount>(SignInResult.Failed, null, TimeSpan.Zero);
        }
        else if (acc.Disabled || unitClosed)
        {
            // Told apart from a wrong password only to whoever knows the password: the holder learns whom to ask.
            await throttle.SucceededAsync(actor, clientAddress, ct).ConfigureAwait(false);
            attempt = new SignInAttempt<TAccount>(SignInResult.Disabled, null, TimeSpan.Zero);
        }
        else
        {
            acc.RecordSuccess(now);
            await throttle.SucceededAsync(actor, clientAddress, ct).ConfigureAwait(false);
            attempt = new SignInAttempt<TAccount>(SignInResult.Succeeded, acc, TimeSpan.Zero);
        }

        var action = attempt.Result switch
        {
            SignInResult.Succeeded => AuditActions.SignInSucceeded,
            SignInResult.Throttled => AuditActions.SignInThrottled,
            SignInResult.Disabled => AuditActions.SignInRefused,
            _ => AuditActions.SignInFailed,
        };
        db.AuditEvents.Add(new AuditEvent(now, actor, action, "account", acc?.Id.ToString(CultureInfo.InvariantCulture) ?? "-"));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return attempt;
    }

    private static readonly string DummyHash = PasswordHasher.Hash("not-a-password-" + Guid.NewGuid());
}
