using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Accounts;

/// <summary>
/// Centre staff accounts, kept by a centre administrator: create one with a role (it gets a temporary password to hand
/// over, changed at the first sign-in: the reset's flow in <see cref="AccountPasswords"/>), change its role, disable it
/// (its sessions end) or enable it. Administrators cannot disable or demote themselves, so the centre never loses its
/// last way in by a slip. Every change is audited.
/// </summary>
public sealed class StaffAccountManagement(PlatformDatabase database, SignInSessions sessions, TimeProvider time)
{
    public async Task<IReadOnlyList<StaffAccountListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var rows = await db.StaffAccounts.AsNoTracking()
            .Select(a => new StaffAccountListItem(a.Id, a.LoginName, a.DisplayName, a.Role, a.Disabled, a.MustChangePassword, a.LastSignInAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Login, StringComparer.Ordinal)];
    }

    public async Task<ServiceResult<NewAccount>> CreateAsync(string actor, string? login, string? displayName, StaffRole role,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        login = login?.Trim();
        displayName = displayName?.Trim();
        var errors = new[] { AccountNames.CheckLogin(login, "Login"), AccountNames.CheckName(displayName, "DisplayName"), CheckRole(role) }
            .OfType<ValidationError>().ToArray();
        if (errors.Length > 0)
        {
            return ServiceResult.Fail<NewAccount>(errors);
        }

        await using var db = database.CreateDbContext();
        if (await db.StaffAccounts.AnyAsync(a => a.LoginName == login, cancellationToken).ConfigureAwait(false))
        {
            return ServiceResult.Fail<NewAccount>(new ValidationError("Login", $"工号 {login} 已经有了。", $"Staff login {login} is already taken."));
        }

        var temporary = AccountPasswords.NewTemporary();
        var account = new StaffAccount(login!, displayName!, role, PasswordHasher.Hash(temporary));
        account.ChangePasswordHash(account.PasswordHash, mustChange: true);
        db.StaffAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.AccountCreated, "account", Id(account.Id),
            $"开设中心工作人员账号 {login}（{displayName}，{RoleWord(role)}），发放临时密码（首次登录须修改）"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(new NewAccount(account.LoginName, temporary));
    }

    /// <summary>Changes the role and the disabled mark of <paramref name="accountId"/>; disabling ends its sessions.</summary>
    public async Task<ServiceResult<string>> UpdateAsync(string actor, long accountId, StaffRole role, bool disabled,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        if (CheckRole(role) is { } badRole)
        {
            return ServiceResult.Fail<string>(badRole);
        }

        await using var db = database.CreateDbContext();
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            return ServiceResult.Fail<string>(new ValidationError("Id", "没有这个工作人员账号。", "There is no such staff account."));
        }

        var self = string.Equals(actor, "staff:" + account.LoginName, StringComparison.Ordinal);
        if (self && (disabled || role != account.Role))
        {
            return ServiceResult.Fail<string>(new ValidationError("Id", "不能停用自己的账号，也不能改自己的角色；请另一位管理员操作。",
                "You cannot disable your own account or change your own role: ask another administrator."));
        }

        var changes = new List<string>();
        if (role != account.Role)
        {
            changes.Add($"角色 {RoleWord(account.Role)} → {RoleWord(role)}");
            account.ChangeRole(role);
        }

        if (disabled != account.Disabled)
        {
            if (disabled)
            {
                account.Disable();
                changes.Add("停用");
            }
            else
            {
                account.Enable();
                changes.Add("恢复");
            }
        }

        if (changes.Count == 0)
        {
            return ServiceResult.Ok(account.LoginName);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // A new role takes effect at the next sign-in: the sessions of a changed account end either way.
        var ended = await sessions.EndAllAsync(AccountPasswords.StaffAudience, account.LoginName, cancellationToken).ConfigureAwait(false);
        changes.Add(string.Create(CultureInfo.InvariantCulture, $"结束登录 {ended} 个"));
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.AccountChanged, "account", Id(account.Id),
            $"修改中心工作人员账号 {account.LoginName}：{string.Join("；", changes)}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(account.LoginName);
    }

    /// <summary>The role's Chinese name.</summary>
    public static string RoleWord(StaffRole role) => role switch
    {
        StaffRole.Clerk => "柜面经办",
        StaffRole.Reviewer => "预审员",
        StaffRole.CardOperator => "制卡管理",
        StaffRole.Auditor => "审计",
        StaffRole.Admin => "系统管理员",
        _ => role.ToString(),
    };

    private static ValidationError? CheckRole(StaffRole role) =>
        Enum.IsDefined(role) ? null : new ValidationError("Role", "请选择角色。", "Choose a role.");

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
