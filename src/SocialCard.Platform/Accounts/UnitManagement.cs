using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Accounts;

/// <summary>
/// A centre administrator's unit register: creates units (code, name, parent unit for sub-units, at most three levels)
/// and edits them (name, parent, open or closed). The code is fixed once created: it names the unit's photo packages
/// and batches (seed 000 一.4). Closing a unit ends the sessions of every login of it and of the units below it, and
/// none of them signs in until it is reopened. A unit's bank (开户银行, which decides the bank of the cards of the people
/// working there; a sub-unit without one takes its parent's) is one of the centre's banks (<see cref="CentreOptions.BankList"/>).
/// Every change is audited in Chinese.
/// </summary>
public sealed class UnitManagement(PlatformDatabase database, SignInSessions sessions, TimeProvider time, IOptions<CentreOptions>? centre = null)
{
    public const int MaxNameLength = 100;

    /// <summary>Every unit, or the units of <paramref name="scopeUnitId"/>'s tree (the unit and those below it).</summary>
    public async Task<IReadOnlyList<UnitListItem>> ListAsync(long? scopeUnitId = null, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var tree = scopeUnitId is { } scope ? await UnitTree.IdsAsync(db, scope, cancellationToken).ConfigureAwait(false) : null;
        var accounts = await db.UnitAccounts.AsNoTracking().GroupBy(a => a.UnitId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken).ConfigureAwait(false);
        var people = await db.People.AsNoTracking().Where(p => p.UnitId != null).GroupBy(p => p.UnitId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken).ConfigureAwait(false);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Name, ParentCode = u.Parent == null ? null : u.Parent.Code, u.Level, u.Closed, u.BankCode, u.BankBranch })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. units.Where(u => tree is null || tree.Contains(u.Id)).OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new UnitListItem(u.Id, u.Code, u.Name, u.ParentCode, u.Level, u.Closed, accounts.GetValueOrDefault(u.Id), people.GetValueOrDefault(u.Id),
                u.BankCode, u.BankBranch))];
    }

    public async Task<UnitListItem?> FindAsync(long unitId, CancellationToken cancellationToken = default) =>
        (await ListAsync(null, cancellationToken).ConfigureAwait(false)).FirstOrDefault(u => u.Id == unitId);

    /// <summary>Creates a unit; <paramref name="parentCode"/> empty for a top unit (参保单位).</summary>
    public async Task<ServiceResult<long>> CreateAsync(string actor, string? code, string? name, string? parentCode,
        string? bankCode = null, string? bankBranch = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        code = code?.Trim();
        name = name?.Trim();
        parentCode = string.IsNullOrWhiteSpace(parentCode) ? null : parentCode.Trim();
        var errors = new List<ValidationError>();
        Add(errors, AccountNames.CheckUnitCode(code, "Code"));
        Add(errors, AccountNames.CheckName(name, "Name", MaxNameLength));
        (bankCode, bankBranch) = NormaliseBank(bankCode, bankBranch);
        Add(errors, CheckBank(bankCode, bankBranch));
        if (errors.Count > 0)
        {
            return ServiceResult.Fail<long>(errors);
        }

        await using var db = database.CreateDbContext();
        if (await db.Units.AnyAsync(u => u.Code == code, cancellationToken).ConfigureAwait(false))
        {
            return ServiceResult.Fail<long>(new ValidationError("Code", $"单位代码 {code} 已经有了。", $"Unit code {code} is already taken."));
        }

        Unit? parent = null;
        if (parentCode is not null)
        {
            parent = await db.Units.SingleOrDefaultAsync(u => u.Code == parentCode, cancellationToken).ConfigureAwait(false);
            if (parent?.Closed == true)
            {
                return ServiceResult.Fail<long>(new ValidationError("ParentCode", "上级单位已注销。", "The parent unit is closed."));
            }

            if (parent is null || parent.Level >= 3)
            {
                return ServiceResult.Fail<long>(parent is null
                    ? new ValidationError("ParentCode", $"没有单位代码为 {parentCode} 的上级单位。", $"There is no unit with code {parentCode}.")
                    : new ValidationError("ParentCode", "单位最多分三级，这个上级单位下不能再建下级单位。", "Units nest at most three levels deep: this unit cannot have sub-units."));
            }
        }

        var unit = new Unit(code!, name!, parent, bankCode, bankBranch);
        db.Units.Add(unit);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.UnitCreated, "unit", Id(unit.Id),
            (parent is null ? $"新建参保单位 {unit.Code}（{unit.Name}）" : $"新建下级单位 {unit.Code}（{unit.Name}），上级单位 {parent.Code}")
            + (bankCode is null ? "" : $"，开户银行 {BankText(bankCode, bankBranch)}")));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(unit.Id);
    }

    /// <summary>Sets the unit's own bank and branch (<paramref name="bankCode"/> empty: none, the parent's applies), audited.</summary>
    public async Task<ServiceResult<long>> SetBankAsync(string actor, long unitId, string? bankCode, string? bankBranch,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        (bankCode, bankBranch) = NormaliseBank(bankCode, bankBranch);
        if (CheckBank(bankCode, bankBranch) is { } invalid)
        {
            return ServiceResult.Fail<long>(invalid);
        }

        await using var db = database.CreateDbContext();
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken).ConfigureAwait(false);
        if (unit is null)
        {
            return ServiceResult.Fail<long>(new ValidationError("Id", "没有这个单位。", "There is no such unit."));
        }

        if (string.Equals(unit.BankCode, bankCode, StringComparison.Ordinal) && string.Equals(unit.BankBranch, bankBranch, StringComparison.Ordinal))
        {
            return ServiceResult.Ok(unit.Id);
        }

        var before = unit.BankCode is null ? "（无）" : BankText(unit.BankCode, unit.BankBranch);
        unit.SetBank(bankCode, bankBranch);
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.UnitChanged, "unit", Id(unit.Id),
            $"单位 {unit.Code}：开户银行 {before} → {(bankCode is null ? "（无，沿用上级单位）" : BankText(bankCode, bankBranch))}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(unit.Id);
    }

    /// <summary>The centre's banks a unit can choose.</summary>
    public IReadOnlyList<CentreBank> Banks => Centre.BankList;

    private CentreOptions Centre => centre?.Value ?? s_defaultCentre;

    private static readonly CentreOptions s_defaultCentre = new();

    private static (string? Code, string? Branch) NormaliseBank(string? code, string? branch) =>
        string.IsNullOrWhiteSpace(code) ? (null, null) : (code.Trim(), string.IsNullOrWhiteSpace(branch) ? null : branch.Trim());

    /// <summary>An unknown bank, or a branch that is too long, with a clear reason; null when fine.</summary>
    private ValidationError? CheckBank(string? code, string? branch)
    {
        if (code is not null && Centre.FindBank(code) is null)
        {
            return new ValidationError("BankCode", $"开户银行 {code} 不在本中心的银行列表中，请从列表中选择。",
                $"Bank {code} is not one of this centre's banks; choose one from the list.");
        }

        return branch is { Length: > MaxNameLength }
            ? new ValidationError("BankBranch", $"开户网点最长 {MaxNameLength} 个字。", $"The branch is at most {MaxNameLength} characters.")
            : null;
    }

    private string BankText(string code, string? branch) => Centre.BankName(code) + (branch is null ? "" : " " + branch);

    /// <summary>Renames, moves (under <paramref name="parentCode"/>, empty for a top unit), closes or reopens a unit.</summary>
    public async Task<ServiceResult<long>> UpdateAsync(string actor, long unitId, string? name, string? parentCode, bool closed,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        name = name?.Trim();
        parentCode = string.IsNullOrWhiteSpace(parentCode) ? null : parentCode.Trim();
        if (AccountNames.CheckName(name, "Name", MaxNameLength) is { } badName)
        {
            return ServiceResult.Fail<long>(badName);
        }

        await using var db = database.CreateDbContext();
        var units = await db.Units.ToListAsync(cancellationToken).ConfigureAwait(false);
        var unit = units.SingleOrDefault(u => u.Id == unitId);
        if (unit is null)
        {
            return ServiceResult.Fail<long>(new ValidationError("Id", "没有这个单位。", "There is no such unit."));
        }

        var below = await UnitTree.IdsAsync(db, unit.Id, cancellationToken).ConfigureAwait(false);
        var changes = new List<string>();
        var oldParent = units.SingleOrDefault(u => u.Id == unit.ParentId);
        if (!string.Equals(oldParent?.Code, parentCode, StringComparison.Ordinal))
        {
            var parent = parentCode is null ? null : units.SingleOrDefault(u => u.Code == parentCode);
            if (parentCode is not null && parent is null)
            {
                return ServiceResult.Fail<long>(new ValidationError("ParentCode", $"没有单位代码为 {parentCode} 的上级单位。", $"There is no unit with code {parentCode}."));
            }

            if (parent is not null && below.Contains(parent.Id))
            {
                return ServiceResult.Fail<long>(new ValidationError("ParentCode", "不能把单位放到它自己或它的下级单位下面。", "A unit cannot go under itself or one of its sub-units."));
            }

            var level = parent is null ? 1 : parent.Level + 1;
            var depth = units.Where(u => below.Contains(u.Id)).Max(u => u.Level) - unit.Level;
            if (level + depth > 3)
            {
                return ServiceResult.Fail<long>(new ValidationError("ParentCode", "单位最多分三级，放到这个上级单位下会超过三级。", "Units nest at most three levels deep: this move would make a fourth."));
            }

            foreach (var sub in units.Where(u => below.Contains(u.Id) && u.Id != unit.Id))
            {
                sub.SetLevel(sub.Level - unit.Level + level);
            }

            unit.MoveUnder(parent, level);
            changes.Add($"上级单位 {oldParent?.Code ?? "（无）"} → {parent?.Code ?? "（无，改为参保单位）"}");
        }

        if (!string.Equals(unit.Name, name, StringComparison.Ordinal))
        {
            changes.Add($"名称 {unit.Name} → {name}");
            unit.Rename(name!);
        }

        var endSessions = false;
        if (closed != unit.Closed)
        {
            if (closed)
            {
                unit.Close();
                endSessions = true;
                changes.Add("注销（本单位及下级单位的账号不能再登录）");
            }
            else
            {
                unit.Reopen();
                changes.Add("恢复为正常");
            }
        }

        if (changes.Count == 0)
        {
            return ServiceResult.Ok(unit.Id);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var ended = 0;
        if (endSessions)
        {
            var logins = await db.UnitAccounts.AsNoTracking().Where(a => below.Contains(a.UnitId)).Select(a => a.LoginName)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var login in logins)
            {
                ended += await sessions.EndAllAsync(AccountPasswords.UnitAudience, login, cancellationToken).ConfigureAwait(false);
            }

            changes.Add(string.Create(CultureInfo.InvariantCulture, $"结束登录 {ended} 个"));
        }

        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.UnitChanged, "unit", Id(unit.Id),
            $"修改单位 {unit.Code}：{string.Join("；", changes)}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(unit.Id);
    }

    private static void Add(List<ValidationError> errors, ValidationError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
