using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Audit;

/// <summary>Adds audit events to the current unit of work (they commit with the change they describe).</summary>
public sealed class AuditLog(PlatformDbContext db, TimeProvider time)
{
    public AuditEvent Add(string actor, string action, string entityType, string entityId, string? detail = null)
    {
        var e = new AuditEvent(time.GetUtcNow(), actor, action, entityType, entityId, detail);
        db.AuditEvents.Add(e);
        return e;
    }
}
