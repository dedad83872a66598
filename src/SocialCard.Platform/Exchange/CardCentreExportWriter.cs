using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Exchange;

/// <summary>
/// Writes the export package for the card centre: <c>photos/&lt;number&gt;.jpg</c> for every passing photo (stored,
/// not recompressed), <c>manifest.csv</c> (UTF-8, no BOM) and <c>manifest.sha256</c>. Photos are ordered by personal
/// number and every entry carries the same time stamp, so the same input gives byte-identical packages.
/// </summary>
public static class CardCentreExportWriter
{
    private static readonly CsvWriterOptions ManifestOptions = new()
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Writes the package to <paramref name="output"/> (left open).</summary>
    /// <exception cref="ArgumentException">A personal number is not 10 digits, appears twice, or a photo is empty.</exception>
    public static CardCentreExportSummary Write(Stream output, IEnumerable<CardCentreExportPhoto> items, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (package, summary) = Build(items, createdAt);
        output.Write(package);
        return summary;
    }

    /// <summary>Writes the package to <paramref name="output"/> (left open) asynchronously, e.g. to a file.</summary>
    /// <exception cref="ArgumentException">A personal number is not 10 digits, appears twice, or a photo is empty.</exception>
    public static async Task<CardCentreExportSummary> WriteAsync(Stream output, IEnumerable<CardCentreExportPhoto> items, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (package, summary) = Build(items, createdAt);
        await output.WriteAsync(package, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Writes the package into a new byte array.</summary>
    public static byte[] Write(IEnumerable<CardCentreExportPhoto> items, DateTimeOffset createdAt, out CardCentreExportSummary summary)
    {
        (var package, summary) = Build(items, createdAt);
        return package;
    }

    private static (byte[] Package, CardCentreExportSummary Summary) Build(IEnumerable<CardCentreExportPhoto> items, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ordered = items.OrderBy(static i => i.PersonalNumber, StringComparer.Ordinal).ToList();
        Validate(ordered);

        var manifest = BuildManifest(ordered);
        var manifestHash = Convert.ToHexStringLower(SHA256.HashData(manifest));
        var checksumLine = Encoding.ASCII.GetBytes($"{manifestHash}  {CardCentreExchangeFormat.ManifestName}\n");

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            foreach (var item in ordered)
            {
                AddEntry(zip, CardCentreExchangeFormat.PhotosFolder + FileName(item), item.Photo, CompressionLevel.NoCompression, createdAt);
            }

            AddEntry(zip, CardCentreExchangeFormat.ManifestName, manifest, CompressionLevel.Optimal, createdAt);
            AddEntry(zip, CardCentreExchangeFormat.ManifestChecksumName, checksumLine, CompressionLevel.NoCompression, createdAt);
        }

        var package = buffer.ToArray();
        var summary = new CardCentreExportSummary(
            ordered.Count,
            ordered.Sum(static i => i.Photo.LongLength),
            manifestHash,
            Convert.ToHexStringLower(SHA256.HashData(package)),
            createdAt);
        return (package, summary);
    }

    private static string FileName(CardCentreExportPhoto item) => item.PersonalNumber + ".jpg";

    private static void Validate(List<CardCentreExportPhoto> items)
    {
        string? previous = null;
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item);
            if (!PhotoFileName.IsPersonalNumber(item.PersonalNumber))
            {
                throw new ArgumentException($"Personal number '{item.PersonalNumber}' is not 10 digits.", nameof(items));
            }

            if (item.PersonalNumber == previous)
            {
                throw new ArgumentException($"Personal number {item.PersonalNumber} appears twice.", nameof(items));
            }

            if (item.Photo is null || item.Photo.Length == 0)
            {
                throw new ArgumentException($"The photo of {item.PersonalNumber} is empty.", nameof(items));
            }

            previous = item.PersonalNumber;
        }
    }

    private static byte[] BuildManifest(List<CardCentreExportPhoto> items)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, ManifestOptions, leaveOpen: true))
        {
            foreach (var column in CardCentreExchangeFormat.ManifestHeader)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var item in items)
            {
                csv.WriteField(item.PersonalNumber);
                csv.WriteField(item.Name ?? string.Empty);
                csv.WriteField(item.UnitCode ?? string.Empty);
                csv.WriteField(FileName(item));
                csv.WriteField(Convert.ToHexStringLower(SHA256.HashData(item.Photo)));
                csv.WriteField(item.Photo.LongLength.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(item.PreReviewedAt.ToString(CardCentreExchangeFormat.TimeFormat, CultureInfo.InvariantCulture));
                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] content, CompressionLevel level, DateTimeOffset time)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = time;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
