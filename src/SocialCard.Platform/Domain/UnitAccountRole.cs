namespace SocialCard.Platform.Domain;

/// <summary>What a unit account may do in the employer portal.</summary>
public enum UnitAccountRole
{
    /// <summary>经办人 / HR clerk: uploads, fixes and reads the unit tree's people and lists.</summary>
    Clerk = 1,

    /// <summary>单位管理员 / unit administrator: a clerk who also adds and disables the clerks of the unit tree.</summary>
    UnitAdmin = 2,
}
