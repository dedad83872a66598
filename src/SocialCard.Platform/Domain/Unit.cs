namespace SocialCard.Platform.Domain;

/// <summary>参保单位 / an employer unit, or one of its second- or third-level sub-units (现今工作二级/三级单位).
/// The bank (开户银行) and branch come from the nearest unit up the tree that has one: the person's current
/// work unit decides the bank. Which bank codes a unit may carry is the centre's list (<see cref="Centre.CentreOptions.BankList"/>),
/// checked where units are written (<see cref="Accounts.UnitManagement"/>, <see cref="Registry.RegistryImporter"/>).</summary>
public sealed class Unit
{
    private Unit()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Unit(string code, string name, Unit? parent = null, string? bankCode = null, string? bankBranch = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (parent is not null && parent.Level >= 3)
        {
            DomainThrowHelper.Throw("单位层级最多三级。", "Units nest at most three levels deep.");
        }

        Code = code;
        Name = name;
        Parent = parent;
        ParentId = parent is null || parent.Id == 0 ? null : parent.Id;
        Level = parent is null ? 1 : parent.Level + 1;
        BankCode = bankCode;
        BankBranch = bankBranch;
    }

    public long Id { get; private set; }

    /// <summary>单位编号, unique.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public long? ParentId { get; private set; }

    public Unit? Parent { get; private set; }

    /// <summary>1 = 参保单位 / top unit, 2 and 3 = sub-units.</summary>
    public int Level { get; private set; }

    public string? BankCode { get; private set; }

    public string? BankBranch { get; private set; }

    /// <summary>注销 / closed: the unit and the units below it can no longer sign in; its records stay.</summary>
    public bool Closed { get; private set; }

    public void Close() => Closed = true;

    public void Reopen() => Closed = false;

    /// <summary>Moves the unit under <paramref name="parent"/> (null: a top unit) at <paramref name="level"/>; the caller
    /// checks the tree stays at most three levels deep and re-levels the units below.</summary>
    internal void MoveUnder(Unit? parent, int level)
    {
        Parent = parent;
        ParentId = parent?.Id;
        Level = level;
    }

    internal void SetLevel(int level) => Level = level;

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public void SetBank(string? bankCode, string? bankBranch)
    {
        BankCode = bankCode;
        BankBranch = bankBranch;
    }

    /// <summary>The bank of this unit or of the nearest ancestor that has one (parents must be loaded).</summary>
    public (string BankCode, string? Branch)? ResolveBank()
    {
        for (var u = this; u is not null; u = u.Parent)
        {
            if (u.BankCode is not null)
            {
                return (u.BankCode, u.BankBranch);
            }
        }

        return null;
    }
}
