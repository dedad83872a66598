namespace SocialCard.Platform.Security;

/// <summary>One message of the SMS outbox as the demo's outbox page shows it.</summary>
public sealed record SmsOutboxEntry(string Phone, string Text, DateTimeOffset CreatedAt);
