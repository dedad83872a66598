using System.IO.Compression;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Demo;

/// <summary>
/// The demo's sample photos for the portal: a folder of photos named by 10-digit personal numbers (the development set,
/// <c>Demo:SamplePhotos</c>). The demo seed registers one person per photo in the first unit
/// (<see cref="PersonalNumbers"/>), so uploading any of them finds its person; <see cref="BuildZip"/> packs a first
/// upload of at most 50 photos in the unit's folder: the compliant ones and failures of kinds the automatic fix can
/// mend, taken from the set's <c>labels.tsv</c> next to the folder when it is there.
/// </summary>
public static class DemoSamplePackage
{
    private static readonly string[] FixableFailures = ["background.color", "exposure.under", "color.cast", "lighting.uneven", "face.size", "face.position"];

    /// <summary>The personal numbers the sample photos are named by (none when the folder is missing).</summary>
    public static IReadOnlyList<string> PersonalNumbers(string? directory) =>
        [.. Photos(directory).Select(Path.GetFileNameWithoutExtension).OfType<string>()];

    /// <summary>
    /// A unit package "&lt;unit&gt;/&lt;number&gt;.jpg" of up to 50 sample photos: up to 20 compliant, the rest failures the
    /// fix can mend (every label in turn), or simply the first photos without labels. Null when there are no photos.
    /// </summary>
    public static byte[]? BuildZip(string? directory, string unitCode)
    {
        List<string> photos = [.. Photos(directory)];
        if (photos.Count == 0)
        {
            return null;
        }

        Dictionary<string, string> labels = ReadLabels(Path.Combine(directory!, "..", "labels.tsv"));
        List<string> chosen = [.. photos.Where(p => labels.GetValueOrDefault(Path.GetFileName(p)) == "compliant").Take(20)];
        List<Queue<string>> failing = [.. FixableFailures.Select(label => new Queue<string>(photos.Where(p => labels.GetValueOrDefault(Path.GetFileName(p)) == label)))];
        while (chosen.Count < UnitPackageLimits.Default.MaxPhotos && failing.Any(q => q.Count > 0))
        {
            foreach (Queue<string> queue in failing.Where(q => q.Count > 0))
            {
                if (chosen.Count < UnitPackageLimits.Default.MaxPhotos)
                {
                    chosen.Add(queue.Dequeue());
                }
            }
        }

        if (chosen.Count == 0)
        {
            chosen = [.. photos.Take(UnitPackageLimits.Default.MaxPhotos)];
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (string photo in chosen.Order(StringComparer.Ordinal))
            {
                using Stream entry = zip.CreateEntry(unitCode + "/" + Path.GetFileName(photo), CompressionLevel.NoCompression).Open();
                entry.Write(File.ReadAllBytes(photo));
            }
        }

        return buffer.ToArray();
    }

    private static IEnumerable<string> Photos(string? directory) =>
        string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory)
            ? []
            : Directory.EnumerateFiles(directory, "*.jpg").Where(p => PhotoFileName.TryParsePersonalNumber(Path.GetFileName(p), out _)).Order(StringComparer.Ordinal);

    private static Dictionary<string, string> ReadLabels(string path)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (string line in File.ReadLines(path).Skip(1))
            {
                string[] cells = line.Split('\t');
                if (cells.Length > 1)
                {
                    labels[cells[0]] = cells[1];
                }
            }
        }

        return labels;
    }
}
