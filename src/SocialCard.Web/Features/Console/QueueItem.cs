using SocialCard.Platform.Domain;

namespace SocialCard.Web.Features.Console;

/// <summary>A reviewed unit photo in the staff queue.</summary>
public sealed record QueueItem(
    long PhotoId,
    long? BatchId,
    string? UnitCode,
    string FileName,
    string PersonalNumber,
    string MaskedName,
    PhotoVerdict Verdict,
    IReadOnlyList<PhotoFinding> Failures,
    DateTimeOffset ReceivedAt,
    CardState? CardState)
{
    /// <summary>The photo's number names a person in the database (only then can a pass make a card).</summary>
    public bool PersonKnown { get; init; }
}
