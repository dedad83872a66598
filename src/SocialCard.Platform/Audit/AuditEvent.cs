namespace SocialCard.Platform.Audit;

/// <summary>One line of the audit log: who did what to which record, when. Never updated or deleted.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Actor = string.Empty;
        Action = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
    }

    public AuditEvent(DateTimeOffset at, string actor, string action, string entityType, string entityId, string? detail = null)
    {
        At = at;
        Actor = actor;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Detail = detail;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>"staff:zhangsan", "unit:325520", "applicant:0137…", "system:job-worker".</summary>
    public string Actor { get; private set; }

    /// <summary>A stable verb, see <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>Short JSON or text; never a plain ID number or phone number.</summary>
    public string? Detail { get; private set; }
}
