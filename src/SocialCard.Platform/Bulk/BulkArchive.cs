using System.IO.Compression;
using SocialCard.Platform.Batches;

namespace SocialCard.Platform.Bulk;

/// <summary>
/// Reads the photos out of a zip for the bulk desk, in memory: any folder layout and any file names (naming comes
/// later), .jpg/.jpeg files only, OS junk skipped. The same guards as the package intake: entry count from the
/// central directory before anything is read, declared and counted sizes, CRC-32, encrypted and nested archives
/// refused. Nothing in the zip is trusted as a path: names are labels only.
/// </summary>
public static class BulkArchive
{
    /// <summary>At most this many photos on the desk at once (split into packages of 50 on submit).</summary>
    public const int MaxPhotos = 500;

    public static readonly UnitPackageLimits Limits = new()
    {
        MaxPhotos = MaxPhotos,
        MaxEntries = 2 * MaxPhotos,
        MaxEntryBytes = 8L * 1024 * 1024,
        MaxTotalUncompressedBytes = 256L * 1024 * 1024,
    };

    /// <summary>The photos and the files refused; a bad zip gives no photos and one refusal naming the zip.</summary>
    public static (IReadOnlyList<BulkPhotoFile> Photos, IReadOnlyList<BulkFileRefusal> Refusals) Read(byte[] zip, string zipName)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var photos = new List<BulkPhotoFile>();
        var refusals = new List<BulkFileRefusal>();
        long? count = ZipCentralDirectoryProbe.TryReadEntryCount(zip);
        if (count is null)
        {
            return ([], [new BulkFileRefusal(zipName, "不是有效的 zip 压缩包。", "Not a valid zip file.")]);
        }

        if (count > Limits.MaxEntries)
        {
            return ([], [TooMany(zipName)]);
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read, false, ZipNameEncoding.Instance);
            long total = 0;
            foreach (ZipArchiveEntry entry in archive.Entries)
            {
                string[] segments = entry.FullName.Replace('\\', '/').Split('/');
                string name = segments[^1];
                if (name.Length == 0 || IsJunk(segments))
                {
                    continue;
                }

                if (Refusal(entry, name) is { } refusal)
                {
                    refusals.Add(refusal);
                    continue;
                }

                if (photos.Count == MaxPhotos)
                {
                    return ([], [TooMany(zipName)]);
                }

                byte[]? bytes = ReadVerified(entry);
                total += entry.Length;
                if (bytes is null || total > Limits.MaxTotalUncompressedBytes)
                {
                    return ([], [new BulkFileRefusal(zipName, "压缩包已损坏或解压后过大。", "The zip is damaged or too large once unpacked.")]);
                }

                photos.Add(new BulkPhotoFile(name, bytes));
            }
        }
        catch (InvalidDataException)
        {
            return ([], [new BulkFileRefusal(zipName, "不是有效的 zip 压缩包。", "Not a valid zip file.")]);
        }

        return (photos, refusals);
    }

    /// <summary>True for a .jpg or .jpeg file name.</summary>
    public static bool IsJpegName(string fileName)
    {
        string extension = Path.GetExtension(fileName);
        return extension.Equals(".jpg", StringComparison.OrdinalIgnoreCase) || extension.Equals(".jpeg", StringComparison.OrdinalIgnoreCase);
    }

    private static BulkFileRefusal? Refusal(ZipArchiveEntry entry, string name)
    {
        if (entry.IsEncrypted)
        {
            return new BulkFileRefusal(name, "文件已加密，无法读取。", "The file is encrypted and cannot be read.");
        }

        if (!IsJpegName(name))
        {
            return new BulkFileRefusal(name, "不是 jpg 照片，未读取。", "Not a jpg photo; not read.");
        }

        if (entry.Length == 0 || entry.Length > Limits.MaxEntryBytes)
        {
            return new BulkFileRefusal(name, "文件为空或过大。", "The file is empty or too large.");
        }

        return null;
    }

    /// <summary>Reads exactly the declared length; more, less or a CRC mismatch gives null.</summary>
    private static byte[]? ReadVerified(ZipArchiveEntry entry)
    {
        var buffer = new byte[(int)entry.Length];
        using Stream stream = entry.Open();
        int total = 0, n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += n;
        }

        Span<byte> probe = stackalloc byte[1];
        return total != buffer.Length || stream.Read(probe) > 0 || Crc32.Compute(buffer) != entry.Crc32 ? null : buffer;
    }

    private static BulkFileRefusal TooMany(string zipName) =>
        new(zipName, $"一次最多检查 {MaxPhotos} 张照片，请分成几个压缩包。", $"At most {MaxPhotos} photos at a time; split them into several zips.");

    private static bool IsJunk(string[] segments) =>
        segments.Any(s => s.Equals("__MACOSX", StringComparison.OrdinalIgnoreCase)) ||
        segments[^1].StartsWith('.') || segments[^1].Equals("Thumbs.db", StringComparison.OrdinalIgnoreCase) ||
        segments[^1].Equals("desktop.ini", StringComparison.OrdinalIgnoreCase);
}
