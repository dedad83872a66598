namespace SocialCard.Platform.Domain.Codes;

/// <summary>One row of a national code table: the code, its zh-CN name and an English gloss.</summary>
public sealed record CodeEntry(string Code, string Zh, string En);
