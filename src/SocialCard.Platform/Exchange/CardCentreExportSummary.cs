namespace SocialCard.Platform.Exchange;

/// <summary>What an export package holds.</summary>
/// <param name="PhotoCount">Photos written.</param>
/// <param name="PhotoBytes">Sum of the photo sizes.</param>
/// <param name="ManifestSha256">Lower-case hex SHA-256 of <c>manifest.csv</c> (also in <c>manifest.sha256</c>).</param>
/// <param name="PackageSha256">Lower-case hex SHA-256 of the whole zip as written (for the sender's own log).</param>
/// <param name="CreatedAt">Time stamp given to every entry.</param>
public sealed record CardCentreExportSummary(
    int PhotoCount,
    long PhotoBytes,
    string ManifestSha256,
    string PackageSha256,
    DateTimeOffset CreatedAt);
