namespace SocialCard.Platform.Bulk;

/// <summary>A file of a bulk upload that was not taken in, and why (zh-CN and English).</summary>
public sealed record BulkFileRefusal(string FileName, string Zh, string En);
