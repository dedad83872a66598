namespace SocialCard.Platform.Registry;

/// <summary>Outcome of one registry import: rows with errors are skipped, the others are written.</summary>
public sealed record ImportReport(int RowsRead, int Inserted, int Updated, IReadOnlyList<ImportRowError> Errors)
{
    public int Rejected => Errors.Select(e => e.Row).Distinct().Count();
}
