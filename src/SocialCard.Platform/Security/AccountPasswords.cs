using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Limits;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// Password change by the account holder and reset by a centre administrator. A change needs the current password
/// (wrong ones are counted and delayed by <see cref="SignInThrottle"/> like sign-in failures, under the same key), a
/// new one of at least <see cref="MinimumLength"/> characters that is neither the login name nor the current password;
/// it ends the account's other sessions. A reset gives a unit or staff account a random temporary password, shown once to the
/// administrator and stored only as a hash, marks it to be changed at the next sign-in and ends every session of the
/// account. Both are audited.
/// </summary>
public sealed class AccountPasswords(PlatformDatabase database, SignInThrottle throttle, SignInSessions sessions, TimeProvider time)
{
    /// <summary>Session audience and audit prefix of unit accounts.</summary>
    public const string UnitAudience = "Unit";

    /// <summary>Session audience and audit prefix of staff accounts.</summary>
    public const string StaffAudience = "Staff";

    public const int MinimumLength = 10;

    public const int TemporaryLength = 12;

    // No 0/O, 1/l/I: the administrator reads it out or writes it down.
    private const string TemporaryAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The strength rule alone (no database): null when <paramref name="newPassword"/> is acceptable.</summary>
    public static PasswordChangeStatus? CheckRule(string login, string currentPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(newPassword);
        if (newPassword.Length < MinimumLength)
        {
            return PasswordChangeStatus.TooShort;
        }

        if (string.Equals(newPassword.Trim(), login.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return PasswordChangeStatus.SameAsLogin;
        }

        return string.Equals(newPassword, currentPassword, StringComparison.Ordinal) ? PasswordChangeStatus.SameAsCurrent : null;
    }

    /// <summary>
    /// Changes the password of <paramref name="login"/> (<see cref="UnitAudience"/> or <see cref="StaffAudience"/>)
    /// and ends its sessions other than <paramref name="keepSessionId"/>.
    /// </summary>
    public async Task<PasswordChangeResult> ChangeAsync(string audience, string login, string currentPassword, string newPassword,
        string? keepSessionId, string clientAddress, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(login);
        ArgumentNullException.ThrowIfNull(currentPassword);
        if (CheckRule(login, currentPassword, newPassword) is { } broken)
        {
            return new PasswordChangeResult(broken, TimeSpan.Zero);
        }

        var actor = Actor(audience, login);
        var gate = await throttle.TryBeginAsync(actor, clientAddress, cancellationToken).ConfigureAwait(false);
        if (!gate.Allowed)
        {
            return new PasswordChangeResult(PasswordChangeStatus.Throttled, gate.RetryAfter);
        }

        await using var db = database.CreateDbContext();
        Account? account = audience == UnitAudience
            ? await db.UnitAccounts.SingleOrDefaultAsync(a => a.LoginName == login, cancellationToken).ConfigureAwait(false)
            : await db.StaffAccounts.SingleOrDefaultAsync(a => a.LoginName == login, cancellationToken).ConfigureAwait(false);
        if (account is null || !PasswordHasher.Verify(currentPassword, account.PasswordHash))
        {
            account?.RecordFailure();
            db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.SignInFailed, "account", Id(account), "修改密码时当前密码错误"));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new PasswordChangeResult(PasswordChangeStatus.WrongCurrent, TimeSpan.Zero);
        }

        account.ChangePasswordHash(PasswordHasher.Hash(newPassword));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await throttle.SucceededAsync(actor, clientAddress, cancellationToken).ConfigureAwait(false);
        var ended = await sessions.EndOthersAsync(audience, login, keepSessionId, cancellationToken).ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.PasswordChanged, "account", Id(account),
            string.Create(CultureInfo.InvariantCulture, $"本人修改密码，结束其他登录 {ended} 个")));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new PasswordChangeResult(PasswordChangeStatus.Changed, TimeSpan.Zero);
    }

    /// <summary>
    /// Resets the password of the account <paramref name="login"/> (<see cref="UnitAudience"/>: a unit code, or
    /// "code/clerk" for a clerk's own login; <see cref="StaffAudience"/>: a staff login) to a random temporary one, to
    /// be changed at the next sign-in, and ends all its sessions. Returns the temporary password (to show once), or null
    /// when there is no such account.
    /// </summary>
    public async Task<string?> ResetAsync(string adminActor, string audience, string login, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminActor);
        ArgumentNullException.ThrowIfNull(login);
        var name = login.Trim();
        await using var db = database.CreateDbContext();
        Account? account = audience == UnitAudience
            ? await db.UnitAccounts.SingleOrDefaultAsync(a => a.LoginName == name, cancellationToken).ConfigureAwait(false)
            : await db.StaffAccounts.SingleOrDefaultAsync(a => a.LoginName == name, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return null;
        }

        var temporary = NewTemporary();
        account.ChangePasswordHash(PasswordHasher.Hash(temporary), mustChange: true);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var ended = await sessions.EndAllAsync(audience, name, cancellationToken).ConfigureAwait(false);
        var whose = audience == UnitAudience ? "单位账号" : "中心工作人员账号";
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), adminActor, AuditActions.PasswordReset, "account", Id(account),
            string.Create(CultureInfo.InvariantCulture, $"重置{whose} {name} 的密码为临时密码（下次登录须修改），结束登录 {ended} 个")));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return temporary;
    }

    /// <summary>A random temporary password (for a reset or a new account), to show once and store only as a hash
    /// with the must-change mark.</summary>
    public static string NewTemporary() => RandomNumberGenerator.GetString(TemporaryAlphabet, TemporaryLength);

    private static string Actor(string audience, string login) => audience switch
    {
        UnitAudience => "unit:" + login,
        StaffAudience => "staff:" + login,
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown account audience."),
    };

    private static string Id(Account? account) => account?.Id.ToString(CultureInfo.InvariantCulture) ?? "-";
}
