namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>One rule's finding as the API and pages show it.</summary>
public sealed record PhotoFindingDto(string Rule, string Outcome, object? Value, string Limit, BilingualText Message);
