namespace SocialCard.Platform.Batches;

/// <summary>Something ignored on purpose (e.g. <c>__MACOSX/</c>, <c>.DS_Store</c>, <c>Thumbs.db</c>); not an error.</summary>
/// <param name="EntryName">The ignored entry.</param>
/// <param name="MessageZh">Why it was ignored, in Chinese.</param>
/// <param name="MessageEn">Why it was ignored, in English.</param>
public sealed record BatchIntakeNote(string EntryName, string MessageZh, string MessageEn);
