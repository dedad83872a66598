namespace SocialCard.Platform.Exchange;

/// <summary>One valid line of a card-centre result file.</summary>
/// <param name="LineNumber">1-based line in the file (the header is line 1).</param>
/// <param name="PersonalNumber">10-digit personal number.</param>
/// <param name="Status">New status.</param>
/// <param name="ProductionDate">Production date; present for produced and picked_up, optional otherwise.</param>
/// <param name="Reason">Reason text; present for voided and failed, optional otherwise.</param>
public sealed record CardCentreResultRow(
    long LineNumber,
    string PersonalNumber,
    CardCentreResultStatus Status,
    DateOnly? ProductionDate,
    string? Reason);
