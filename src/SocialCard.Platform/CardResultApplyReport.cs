using SocialCard.Platform.Domain;

namespace SocialCard.Platform;

/// <summary>Outcome of applying a card-centre result file: rows applied, rows the cards already reflected
/// (<see cref="Unchanged"/>: a re-import), and the rows that could not be (unknown number, or a transition the card's
/// state does not allow), each with its line.</summary>
public sealed record CardResultApplyReport(int Applied, IReadOnlyList<(long Line, ValidationError Error)> Rejected)
{
    /// <summary>Rows that matched what the card already records; nothing was written for them.</summary>
    public int Unchanged { get; init; }
}
