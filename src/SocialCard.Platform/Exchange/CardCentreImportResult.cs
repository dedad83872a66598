namespace SocialCard.Platform.Exchange;

/// <summary>
/// The parsed result file. Valid lines are in <see cref="Rows"/>, bad ones in <see cref="Errors"/>; a line with any
/// error yields no row. Applying the rows (and skipping a file whose <see cref="ContentSha256"/> was applied before)
/// is the consumer's job.
/// </summary>
public sealed class CardCentreImportResult
{
    internal CardCentreImportResult(string contentSha256, string encodingName, IReadOnlyList<CardCentreResultRow> rows, IReadOnlyList<ImportRowError> errors, bool isRejected)
    {
        ContentSha256 = contentSha256;
        EncodingName = encodingName;
        Rows = rows;
        Errors = errors;
        IsRejected = isRejected;
    }

    /// <summary>Lower-case hex SHA-256 of the file bytes exactly as received: the same file always has the same hash.</summary>
    public string ContentSha256 { get; }

    /// <summary>The text encoding the file was read as (<c>utf-8</c> or <c>gbk</c>).</summary>
    public string EncodingName { get; }

    /// <summary>Valid lines, in file order.</summary>
    public IReadOnlyList<CardCentreResultRow> Rows { get; }

    /// <summary>Problems, in file order.</summary>
    public IReadOnlyList<ImportRowError> Errors { get; }

    /// <summary>True when the file as a whole is unusable (wrong header, too large, not text); <see cref="Rows"/> is then empty.</summary>
    public bool IsRejected { get; }

    /// <summary>True when every line was valid.</summary>
    public bool IsClean => Errors.Count == 0;
}
