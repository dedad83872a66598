namespace SocialCard.Platform.Domain;

/// <summary>A unit's sign-in (单位代码 + 单位密码, seed 000 四.1).</summary>
public sealed class UnitAccount : Account
{
    private UnitAccount()
    {
    }

    public UnitAccount(Unit unit, string passwordHash) : base(unit.Code, passwordHash)
    {
        Unit = unit;
        UnitId = unit.Id;
    }

    public long UnitId { get; private set; }

    public Unit? Unit { get; private set; }
}
