namespace SocialCard.Platform.Batches;

/// <summary>Recognises archives by file extension and by content signature (nested archives are refused).</summary>
internal static class ArchiveSignatures
{
    private static readonly HashSet<string> ArchiveExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".zip", ".zipx", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".tbz2", ".xz", ".txz", ".cab", ".jar",
        ".lz", ".lzma", ".zst", ".arj", ".lzh", ".iso",
    };

    public static bool HasArchiveExtension(string fileName) => ArchiveExtensions.Contains(Path.GetExtension(fileName));

    /// <summary>
    /// True when <paramref name="content"/> starts with a known archive signature, is a tar (<c>ustar</c> at 257), or
    /// carries an embedded zip (a local file header and an end-of-central-directory record, as in JPEG+ZIP polyglots).
    /// </summary>
    public static bool LooksLikeArchive(ReadOnlySpan<byte> content)
    {
        if (StartsWith(content, [0x50, 0x4B, 0x03, 0x04]) || StartsWith(content, [0x50, 0x4B, 0x05, 0x06]) ||
            StartsWith(content, [0x50, 0x4B, 0x07, 0x08]) ||
            StartsWith(content, [0x52, 0x61, 0x72, 0x21, 0x1A, 0x07]) || // Rar!
            StartsWith(content, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || // 7z
            StartsWith(content, [0x1F, 0x8B]) || // gzip
            StartsWith(content, [0x42, 0x5A, 0x68]) || // BZh
            StartsWith(content, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) || // xz
            StartsWith(content, [0x4D, 0x53, 0x43, 0x46]) || // MSCF (cab)
            StartsWith(content, [0x28, 0xB5, 0x2F, 0xFD])) // zstd
        {
            return true;
        }

        if (content.Length >= 262 && content.Slice(257, 5).SequenceEqual("ustar"u8))
        {
            return true;
        }

        // Embedded zip: both a local file header and an end-of-central-directory signature appear, in that order.
        int local = content.IndexOf("PK\u0003\u0004"u8);
        return local >= 0 && content[local..].IndexOf("PK\u0005\u0006"u8) >= 0;
    }

    private static bool StartsWith(ReadOnlySpan<byte> content, ReadOnlySpan<byte> signature) =>
        content.StartsWith(signature);
}
