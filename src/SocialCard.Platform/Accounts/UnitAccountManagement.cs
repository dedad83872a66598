using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Accounts;

/// <summary>
/// Unit logins: a unit's shared login (单位代码 + 单位密码, the unit's administrator) and each HR clerk's own login under
/// the unit code (单位代码 + 经办人登录名 + 密码). A centre administrator (no scope) manages every unit's logins; a unit
/// administrator (scope = their unit) adds, disables and enables the clerks of their own unit tree, never a unit's
/// shared login and never their own account. A new login gets a temporary password to hand over, changed at the first
/// sign-in (the reset's flow, <see cref="AccountPasswords"/>); disabling ends its sessions. Every change is audited.
/// </summary>
public sealed class UnitAccountManagement(PlatformDatabase database, SignInSessions sessions, TimeProvider time)
{
    /// <summary>The logins of the units in <paramref name="scopeUnitId"/>'s tree (every unit's when null), or of one unit.</summary>
    public async Task<IReadOnlyList<UnitAccountListItem>> ListAsync(long? scopeUnitId, long? unitId = null, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var query = db.UnitAccounts.AsNoTracking();
        if (scopeUnitId is { } scope)
        {
            var tree = await UnitTree.IdsAsync(db, scope, cancellationToken).ConfigureAwait(false);
            query = query.Where(a => tree.Contains(a.UnitId));
        }

        if (unitId is { } only)
        {
            query = query.Where(a => a.UnitId == only);
        }

        var rows = await query.Select(a => new UnitAccountListItem(a.Id, a.Unit!.Code, a.Unit.Name, a.LoginName, a.ClerkLogin, a.ClerkName,
                a.UnitRole, a.Disabled, a.MustChangePassword, a.LastSignInAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.UnitCode, StringComparer.Ordinal).ThenBy(r => r.ClerkLogin is not null).ThenBy(r => r.ClerkLogin, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Creates a login for the unit <paramref name="unitCode"/>: the unit's shared login when <paramref name="clerkLogin"/>
    /// is empty (centre administrators only), else a clerk's own login with <paramref name="clerkName"/> and <paramref name="role"/>.
    /// </summary>
    public async Task<ServiceResult<NewAccount>> CreateAsync(string actor, long? scopeUnitId, string? unitCode, string? clerkLogin, string? clerkName,
        UnitAccountRole role, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        unitCode = unitCode?.Trim();
        clerkLogin = string.IsNullOrWhiteSpace(clerkLogin) ? null : clerkLogin.Trim();
        clerkName = clerkName?.Trim();
        if (clerkLogin is null && scopeUnitId is not null)
        {
            return ServiceResult.Fail<NewAccount>(new ValidationError("ClerkLogin", "请填写经办人登录名。", "Enter the clerk's login."));
        }

        if (clerkLogin is not null)
        {
            var errors = new[] { AccountNames.CheckLogin(clerkLogin, "ClerkLogin"), AccountNames.CheckName(clerkName, "ClerkName") }.OfType<ValidationError>().ToArray();
            if (errors.Length > 0)
            {
                return ServiceResult.Fail<NewAccount>(errors);
            }
        }

        await using var db = database.CreateDbContext();
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == unitCode, cancellationToken).ConfigureAwait(false);
        if (unit is null || !await InScopeAsync(db, scopeUnitId, unit.Id, cancellationToken).ConfigureAwait(false))
        {
            return ServiceResult.Fail<NewAccount>(new ValidationError("UnitCode", "没有这个单位，或它不在您管理的单位范围内。", "There is no such unit in your reach."));
        }

        if (await UnitTree.IsClosedAsync(db, unit.Id, cancellationToken).ConfigureAwait(false))
        {
            return ServiceResult.Fail<NewAccount>(new ValidationError("UnitCode", "这个单位已注销，不能再开账号。", "This unit is closed: it gets no new logins."));
        }

        var login = UnitAccount.LoginFor(unit.Code, clerkLogin);
        if (await db.UnitAccounts.AnyAsync(a => a.LoginName == login, cancellationToken).ConfigureAwait(false))
        {
            return ServiceResult.Fail<NewAccount>(clerkLogin is null
                ? new ValidationError("UnitCode", "这个单位已经有单位账号了；忘记密码请重置。", "This unit already has its unit login; reset its password if it is lost.")
                : new ValidationError("ClerkLogin", $"单位 {unit.Code} 已经有登录名为 {clerkLogin} 的经办人。", $"Unit {unit.Code} already has a clerk with login {clerkLogin}."));
        }

        var temporary = AccountPasswords.NewTemporary();
        var hash = PasswordHasher.Hash(temporary);
        var account = clerkLogin is null ? new UnitAccount(unit, hash) : new UnitAccount(unit, clerkLogin, clerkName!, role, hash);
        account.ChangePasswordHash(hash, mustChange: true);
        db.UnitAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.AccountCreated, "account", Id(account.Id), clerkLogin is null
            ? $"为单位 {unit.Code} 开设单位账号（单位管理员），发放临时密码（首次登录须修改）"
            : $"为单位 {unit.Code} 开设经办人账号 {clerkLogin}（{clerkName}，{RoleWord(account.UnitRole)}），发放临时密码（首次登录须修改）"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(new NewAccount(login, temporary));
    }

    /// <summary>Disables (ending its sessions) or enables the unit login <paramref name="accountId"/>.</summary>
    public async Task<ServiceResult<string>> SetDisabledAsync(string actor, long? scopeUnitId, long accountId, bool disabled,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        await using var db = database.CreateDbContext();
        var account = await db.UnitAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false);
        if (account is null || !await InScopeAsync(db, scopeUnitId, account.UnitId, cancellationToken).ConfigureAwait(false)
            || (scopeUnitId is not null && account.ClerkLogin is null))
        {
            return ServiceResult.Fail<string>(new ValidationError("Id", "没有这个经办人账号，或它不在您管理的范围内。", "There is no such clerk login in your reach."));
        }

        if (string.Equals(actor, "unit:" + account.LoginName, StringComparison.Ordinal))
        {
            return ServiceResult.Fail<string>(new ValidationError("Id", "不能停用自己正在使用的账号。", "You cannot disable the account you are signed in with."));
        }

        if (account.Disabled == disabled)
        {
            return ServiceResult.Ok(account.LoginName);
        }

        if (disabled)
        {
            account.Disable();
        }
        else
        {
            account.Enable();
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var ended = disabled ? await sessions.EndAllAsync(AccountPasswords.UnitAudience, account.LoginName, cancellationToken).ConfigureAwait(false) : 0;
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.AccountChanged, "account", Id(account.Id), disabled
            ? string.Create(CultureInfo.InvariantCulture, $"停用单位账号 {account.LoginName}，结束登录 {ended} 个")
            : $"恢复单位账号 {account.LoginName}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(account.LoginName);
    }

    /// <summary>Whether a unit administrator of <paramref name="scopeUnitId"/> may manage a login of <paramref name="unitId"/>
    /// (the unit or one below it; a centre administrator, with no scope, may manage all).</summary>
    public async Task<bool> InScopeAsync(long? scopeUnitId, string login, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var account = await db.UnitAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.LoginName == login, cancellationToken).ConfigureAwait(false);
        return account is not null && (scopeUnitId is null || account.ClerkLogin is not null)
            && await InScopeAsync(db, scopeUnitId, account.UnitId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"单位管理员" or "经办人".</summary>
    public static string RoleWord(UnitAccountRole role) => role == UnitAccountRole.UnitAdmin ? "单位管理员" : "经办人";

    private static async Task<bool> InScopeAsync(PlatformDbContext db, long? scopeUnitId, long unitId, CancellationToken cancellationToken) =>
        scopeUnitId is not { } scope || (await UnitTree.IdsAsync(db, scope, cancellationToken).ConfigureAwait(false)).Contains(unitId);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
