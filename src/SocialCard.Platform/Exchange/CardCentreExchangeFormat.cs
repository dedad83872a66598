namespace SocialCard.Platform.Exchange;

/// <summary>
/// Names and headers of the card-centre exchange files (docs/formats/card-centre-exchange.md). Changing any of these
/// changes the documented format: bump <see cref="FormatVersion"/> and the document together.
/// </summary>
public static class CardCentreExchangeFormat
{
    /// <summary>Version of the formats described here.</summary>
    public const int FormatVersion = 1;

    /// <summary>Folder of the photos inside an export package.</summary>
    public const string PhotosFolder = "photos/";

    /// <summary>Manifest entry name inside an export package.</summary>
    public const string ManifestName = "manifest.csv";

    /// <summary>Checksum entry name inside an export package (one <c>sha256sum</c> line for the manifest).</summary>
    public const string ManifestChecksumName = "manifest.sha256";

    /// <summary>Manifest header.</summary>
    public static IReadOnlyList<string> ManifestHeader { get; } =
        ["number", "name", "unit_code", "file_name", "sha256", "bytes", "pre_review_time"];

    /// <summary>Result-import header.</summary>
    public static IReadOnlyList<string> ResultHeader { get; } = ["number", "status", "production_date", "reason"];

    /// <summary>Time format of <c>pre_review_time</c>: ISO 8601 with offset, e.g. <c>2026-11-23T10:15:00+08:00</c>.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>Date format of <c>production_date</c>.</summary>
    public const string DateFormat = "yyyy-MM-dd";
}
