namespace SocialCard.Platform.Exchange;

/// <summary>One problem in an imported file.</summary>
/// <param name="LineNumber">1-based line where the record starts (the header is line 1; 0 for the file as a whole).</param>
/// <param name="Column">Column name the problem is in, or null for the line or the file.</param>
/// <param name="MessageZh">Message in Chinese.</param>
/// <param name="MessageEn">Message in English.</param>
public sealed record ImportRowError(long LineNumber, string? Column, string MessageZh, string MessageEn);
