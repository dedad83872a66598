namespace SocialCard.Platform.Domain;

/// <summary>Roles of centre staff.</summary>
public enum StaffRole
{
    /// <summary>柜面经办 / counter clerk: looks people up, takes paper photos, hands out cards.</summary>
    Clerk = 1,

    /// <summary>预审员 / photo reviewer.</summary>
    Reviewer = 2,

    /// <summary>制卡管理 / card-centre exchange operator.</summary>
    CardOperator = 3,

    /// <summary>审计 / read-only auditor.</summary>
    Auditor = 4,

    /// <summary>系统管理员.</summary>
    Admin = 5,
}
