namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>A message in both languages (zh-CN first).</summary>
public sealed record BilingualText(string Zh, string En);
