using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Exchange;

/// <summary>
/// Checks an export package the way the receiver does (docs/formats/card-centre-exchange.md): the manifest checksum,
/// each photo's size and SHA-256 against its manifest line, and that photos and lines pair up one to one.
/// </summary>
public static class CardCentreExportVerifier
{
    private const long MaxEntryBytes = 16L * 1024 * 1024;

    /// <summary>Verifies the package held in <paramref name="package"/>.</summary>
    public static CardCentreExportVerification Verify(byte[] package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var problems = new List<string>();
        var lines = new List<CardCentreManifestLine>();
        try
        {
            using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
            var photos = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            ZipArchiveEntry? manifestEntry = null;
            ZipArchiveEntry? checksumEntry = null;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName == CardCentreExchangeFormat.ManifestName)
                {
                    manifestEntry = entry;
                }
                else if (entry.FullName == CardCentreExchangeFormat.ManifestChecksumName)
                {
                    checksumEntry = entry;
                }
                else if (entry.FullName.StartsWith(CardCentreExchangeFormat.PhotosFolder, StringComparison.Ordinal) &&
                         entry.FullName.IndexOf('/', CardCentreExchangeFormat.PhotosFolder.Length) < 0)
                {
                    photos[entry.FullName[CardCentreExchangeFormat.PhotosFolder.Length..]] = entry;
                }
                else
                {
                    problems.Add($"unexpected entry {entry.FullName}");
                }
            }

            if (manifestEntry is null || checksumEntry is null)
            {
                problems.Add("manifest.csv or manifest.sha256 is missing");
                return new(lines, problems);
            }

            var manifest = ReadLimited(manifestEntry);
            var checksum = Encoding.ASCII.GetString(ReadLimited(checksumEntry));
            string expectedLine = $"{Convert.ToHexStringLower(SHA256.HashData(manifest))}  {CardCentreExchangeFormat.ManifestName}\n";
            if (!string.Equals(checksum, expectedLine, StringComparison.Ordinal))
            {
                problems.Add("manifest.sha256 does not match manifest.csv");
            }

            ReadManifest(manifest, lines, problems);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                if (!listed.Add(line.FileName))
                {
                    problems.Add($"{line.FileName} is listed twice");
                    continue;
                }

                if (!photos.TryGetValue(line.FileName, out var photo))
                {
                    problems.Add($"{line.FileName} is listed but missing");
                    continue;
                }

                var bytes = ReadLimited(photo);
                if (bytes.LongLength != line.Bytes)
                {
                    problems.Add($"{line.FileName} has {bytes.LongLength} bytes, the manifest says {line.Bytes}");
                }

                if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), line.Sha256, StringComparison.Ordinal))
                {
                    problems.Add($"{line.FileName} does not match its sha256");
                }
            }

            foreach (var name in photos.Keys.Where(n => !listed.Contains(n)).Order(StringComparer.Ordinal))
            {
                problems.Add($"photos/{name} is not in the manifest");
            }
        }
        catch (InvalidDataException ex)
        {
            problems.Add("not a readable zip: " + ex.Message);
        }

        return new(lines, problems);
    }

    private static void ReadManifest(byte[] manifest, List<CardCentreManifestLine> lines, List<string> problems)
    {
        using var reader = CsvReader.Create(manifest, new CsvReaderOptions { TrackLineNumbers = true });
        if (!reader.Headers.SequenceEqual(CardCentreExchangeFormat.ManifestHeader, StringComparer.Ordinal))
        {
            problems.Add("manifest.csv has the wrong header");
            return;
        }

        while (reader.Read())
        {
            long lineNumber = reader.LineNumber;
            if (reader.FieldCount != CardCentreExchangeFormat.ManifestHeader.Count)
            {
                problems.Add($"manifest line {lineNumber}: wrong number of fields");
                continue;
            }

            string number = reader.GetString(0);
            string fileName = reader.GetString(3);
            bool ok = PhotoFileName.IsPersonalNumber(number) && fileName == number + ".jpg";
            ok &= long.TryParse(reader.GetString(5), NumberStyles.None, CultureInfo.InvariantCulture, out long bytes);
            ok &= DateTimeOffset.TryParseExact(reader.GetString(6), CardCentreExchangeFormat.TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time);
            if (!ok)
            {
                problems.Add($"manifest line {lineNumber}: bad number, file name, size or time");
                continue;
            }

            lines.Add(new CardCentreManifestLine(number, reader.GetString(1), reader.GetString(2), fileName, reader.GetString(4), bytes, time));
        }
    }

    private static byte[] ReadLimited(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxEntryBytes)
        {
            throw new InvalidDataException($"{entry.FullName} is larger than {MaxEntryBytes} bytes");
        }

        using var stream = entry.Open();
        using var copy = new MemoryStream((int)entry.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
