namespace SocialCard.Platform.Exchange;

/// <summary>One line of an export package's <c>manifest.csv</c>.</summary>
/// <param name="Number">10-digit personal number.</param>
/// <param name="Name">Full name.</param>
/// <param name="UnitCode">Submitting unit's code.</param>
/// <param name="FileName"><c>&lt;number&gt;.jpg</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the photo.</param>
/// <param name="Bytes">Photo size.</param>
/// <param name="PreReviewTime">When the photo passed pre-review.</param>
public sealed record CardCentreManifestLine(
    string Number,
    string Name,
    string UnitCode,
    string FileName,
    string Sha256,
    long Bytes,
    DateTimeOffset PreReviewTime);
