namespace SocialCard.Platform.Domain;

/// <summary>One rule's result as the photo engine reports it.</summary>
public sealed record PhotoFinding(string Rule, FindingOutcome Outcome, string? Value, string? Limit, string Zh, string En);
