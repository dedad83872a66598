using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Portal;

public sealed record BatchDetailView(
    long Id,
    string FileName,
    BatchState State,
    int EntryCount,
    int Reviewed,
    int Passed,
    int Failed,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<BatchEntryView> Entries)
{
    public bool IsComplete => Reviewed >= EntryCount;
}
