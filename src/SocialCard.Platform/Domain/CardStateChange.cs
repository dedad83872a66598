namespace SocialCard.Platform.Domain;

/// <summary>One transition, recorded by <see cref="CardRecord"/> and written to the audit log by storage.</summary>
public sealed record CardStateChange(CardState From, CardState To, DateTimeOffset At, string Actor, string? Reason);
