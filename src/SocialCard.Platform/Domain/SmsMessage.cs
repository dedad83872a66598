namespace SocialCard.Platform.Domain;

/// <summary>A row of the SMS outbox. A gateway sender drains Pending rows; <see cref="DedupKey"/> (unique) stops a
/// reminder being queued twice.</summary>
public sealed class SmsMessage
{
    private SmsMessage()
    {
        Phone = string.Empty;
        Template = string.Empty;
        Body = string.Empty;
        DedupKey = string.Empty;
    }

    public SmsMessage(string phone, string template, string body, string dedupKey, DateTimeOffset createdAt)
    {
        Phone = phone;
        Template = template;
        Body = body;
        DedupKey = dedupKey;
        CreatedAt = createdAt;
        State = SmsState.Pending;
    }

    public long Id { get; private set; }

    /// <summary>Encrypted at rest.</summary>
    public string Phone { get; private set; }

    public string Template { get; private set; }

    public string Body { get; private set; }

    public string DedupKey { get; private set; }

    public SmsState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        State = SmsState.Sent;
        SentAt = at;
    }

    public void MarkFailed() => State = SmsState.Failed;
}
