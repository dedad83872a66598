namespace SocialCard.Platform.Domain;

/// <summary>
/// A unit's sign-in (单位代码 + 单位密码, seed 000 四.1). The unit's own shared login (login name = unit code, no clerk)
/// is its administrator; each HR clerk may have an own login under the unit code (login name "code/clerk").
/// </summary>
public sealed class UnitAccount : Account
{
    private UnitAccount()
    {
    }

    /// <summary>The unit's shared login (its administrator), as every unit had before per-clerk logins.</summary>
    public UnitAccount(Unit unit, string passwordHash) : base(unit.Code, passwordHash)
    {
        Unit = unit;
        UnitId = unit.Id;
        UnitRole = UnitAccountRole.UnitAdmin;
    }

    /// <summary>An HR clerk's own login under the unit code.</summary>
    public UnitAccount(Unit unit, string clerkLogin, string clerkName, UnitAccountRole role, string passwordHash)
        : base(LoginFor(unit.Code, clerkLogin), passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clerkName);
        Unit = unit;
        UnitId = unit.Id;
        ClerkLogin = clerkLogin;
        ClerkName = clerkName;
        UnitRole = role;
    }

    /// <summary>Separates the unit code from the clerk login in <see cref="Account.LoginName"/>; in neither of them.</summary>
    public const char ClerkSeparator = '/';

    public long UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    /// <summary>The clerk's login under the unit code; null for the unit's shared login.</summary>
    public string? ClerkLogin { get; private set; }

    /// <summary>The clerk's name as the unit knows them; null for the unit's shared login.</summary>
    public string? ClerkName { get; private set; }

    public UnitAccountRole UnitRole { get; private set; }

    /// <summary>The stored login name: the unit code alone (shared login) or "code/clerk".</summary>
    public static string LoginFor(string unitCode, string? clerkLogin) =>
        string.IsNullOrEmpty(clerkLogin) ? unitCode : unitCode + ClerkSeparator + clerkLogin;
}
