namespace SocialCard.Platform.Batches;

/// <summary>One refusal found while taking in a unit package; messages are zh-CN first, then English.</summary>
/// <param name="Code">Why.</param>
/// <param name="Scope">Whether the whole package or only <paramref name="EntryName"/> is refused.</param>
/// <param name="EntryName">The decoded entry name the refusal is about, or <see langword="null"/> for the package.</param>
/// <param name="MessageZh">Message for the unit, in Chinese.</param>
/// <param name="MessageEn">The same message in English.</param>
public sealed record BatchRefusal(
    BatchRefusalCode Code,
    BatchRefusalScope Scope,
    string? EntryName,
    string MessageZh,
    string MessageEn)
{
    /// <summary>Stable machine code to persist, e.g. <c>batch.path_traversal</c>.</summary>
    public string StableCode => BatchRefusalMessages.StableCode(Code);
}
