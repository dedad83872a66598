namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>One uploaded photo held in memory.</summary>
public sealed record PhotoInput(string FileName, byte[] Bytes);
