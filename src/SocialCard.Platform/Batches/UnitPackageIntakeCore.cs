using System.IO.Compression;
using SocialCard.Imaging;

namespace SocialCard.Platform.Batches;

/// <summary>
/// Per-call state of one package check (see <see cref="UnitPackageIntake"/>): first the central directory only, then,
/// if nothing there sinks the package, the verified decompression of the entries that passed.
/// </summary>
internal sealed class UnitPackageIntakeCore(UnitPackageLimits limits, IReadOnlyCollection<ZipArchiveEntry> entries, string unitCode)
{
    private const int SymbolicLinkMode = 0xA000; // S_IFLNK
    private const int FileTypeMask = 0xF000; // S_IFMT

    private static readonly HashSet<string> OsJunkFileNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ".DS_Store", "Thumbs.db", "ehthumbs.db", "desktop.ini",
    };

    private readonly UnitPackageLimits _limits = limits;
    private readonly List<BatchRefusal> _packageRefusals = [];
    private readonly List<BatchRefusal> _entryRefusals = [];
    private readonly List<BatchIntakeNote> _notes = [];
    private readonly List<(ZipArchiveEntry Entry, string PersonalNumber, string FileName)> _toRead = [];

    private readonly HashSet<string> _seenNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedSet<string> _foldersFound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byNumber = new(StringComparer.Ordinal);
    private int _photos;
    private int _inUnitFolder;
    private long _declaredTotal;
    private long _compressedTotal;
    private long _bytesRead;

    public BatchIntakeResult Run()
    {
        if (entries.Count > _limits.MaxEntries)
        {
            return UnitPackageIntake.Refused(unitCode, BatchRefusalMessages.TooManyEntries(entries.Count, _limits.MaxEntries));
        }

        foreach (var entry in entries)
        {
            ClassifyEntry(entry);
        }

        CheckPackageTotals();
        var duplicateIndices = RefuseDuplicatePersonalNumbers();

        // Only a package whose central directory is clean is decompressed at all.
        var accepted = _packageRefusals.Count == 0 ? RefuseIdenticalPhotos(ReadAccepted(duplicateIndices)) : [];

        var refusals = new List<BatchRefusal>(_packageRefusals.Count + _entryRefusals.Count);
        refusals.AddRange(_packageRefusals);
        refusals.AddRange(_entryRefusals);
        return new BatchIntakeResult(unitCode, accepted, refusals, _notes, entries.Count, _bytesRead);
    }

    /// <summary>Central-directory checks of one entry: a package-level refusal (unsafe path, link, duplicate name,
    /// compression bomb), an entry-level one (outside the unit folder, encrypted, nested archive, bad name, size), or a
    /// place on the list to read.</summary>
    private void ClassifyEntry(ZipArchiveEntry entry)
    {
        string name = entry.FullName;
        string normalized = name.Replace('\\', '/');
        string[] segments = normalized.Split('/');
        if (!IsSafePath(entry, name, normalized, segments))
        {
            return;
        }

        bool isDirectory = normalized.EndsWith('/');
        if (IsOsJunk(segments))
        {
            if (!isDirectory)
            {
                _notes.Add(BatchRefusalMessages.IgnoredOsFile(name));
            }

            return;
        }

        if (isDirectory)
        {
            return;
        }

        if (!_seenNames.Add(normalized))
        {
            _packageRefusals.Add(BatchRefusalMessages.DuplicateName(name));
            return;
        }

        _photos++;
        _declaredTotal += entry.Length;
        _compressedTotal += entry.CompressedLength;

        if (entry.Length >= _limits.CompressionRatioFloorBytes && entry.Length > 0 &&
            Ratio(entry.Length, entry.CompressedLength) > _limits.MaxCompressionRatio)
        {
            _packageRefusals.Add(BatchRefusalMessages.CompressionRatio(name, Ratio(entry.Length, entry.CompressedLength), _limits.MaxCompressionRatio));
        }

        if (segments.Length > 1)
        {
            _foldersFound.Add(segments[0]);
        }

        if (segments.Length != 2 || !string.Equals(segments[0], unitCode, StringComparison.Ordinal))
        {
            _entryRefusals.Add(BatchRefusalMessages.OutsideUnitFolder(name, unitCode));
            return;
        }

        _inUnitFolder++;
        string fileName = segments[1];
        if (EntryRefusal(entry, name, fileName, out var personalNumber) is { } refusal)
        {
            _entryRefusals.Add(refusal);
            return;
        }

        if (!_byNumber.TryGetValue(personalNumber, out var indices))
        {
            indices = [];
            _byNumber.Add(personalNumber, indices);
        }

        indices.Add(_toRead.Count);
        _toRead.Add((entry, personalNumber, fileName));
    }

    /// <summary>Absolute paths, "..", and symbolic links sink the package (zip slip).</summary>
    private bool IsSafePath(ZipArchiveEntry entry, string name, string normalized, string[] segments)
    {
        if (IsAbsolute(normalized))
        {
            _packageRefusals.Add(BatchRefusalMessages.AbsolutePath(name));
            return false;
        }

        if (Array.IndexOf(segments, "..") >= 0)
        {
            _packageRefusals.Add(BatchRefusalMessages.PathTraversal(name));
            return false;
        }

        if (((entry.ExternalAttributes >> 16) & FileTypeMask) == SymbolicLinkMode)
        {
            _packageRefusals.Add(BatchRefusalMessages.SymbolicLink(name));
            return false;
        }

        return true;
    }

    /// <summary>Why a photo in the unit folder is refused on its own (null: it is read), with its personal number.</summary>
    private BatchRefusal? EntryRefusal(ZipArchiveEntry entry, string name, string fileName, out string personalNumber)
    {
        personalNumber = string.Empty;
        if (entry.IsEncrypted)
        {
            return BatchRefusalMessages.Encrypted(name);
        }

        if (ArchiveSignatures.HasArchiveExtension(fileName))
        {
            return BatchRefusalMessages.NestedArchive(name);
        }

        if (!PhotoFileName.TryParsePersonalNumber(fileName, out personalNumber))
        {
            return BatchRefusalMessages.BadFileName(name);
        }

        if (entry.Length > _limits.MaxEntryBytes)
        {
            return BatchRefusalMessages.EntryTooLarge(name, entry.Length, _limits.MaxEntryBytes);
        }

        return entry.Length == 0 ? BatchRefusalMessages.EmptyFile(name) : null;
    }

    /// <summary>Limits of the whole package: photo count, declared size, overall compression ratio, an empty package
    /// and photos outside the unit's folder only.</summary>
    private void CheckPackageTotals()
    {
        if (_photos > _limits.MaxPhotos)
        {
            _packageRefusals.Add(BatchRefusalMessages.TooManyPhotos(_photos, _limits.MaxPhotos));
        }

        if (_declaredTotal > _limits.MaxTotalUncompressedBytes)
        {
            _packageRefusals.Add(BatchRefusalMessages.TotalSizeExceeded(_declaredTotal, _limits.MaxTotalUncompressedBytes));
        }

        if (_declaredTotal >= _limits.CompressionRatioFloorBytes && _declaredTotal > 0 &&
            Ratio(_declaredTotal, _compressedTotal) > _limits.MaxCompressionRatio &&
            !_packageRefusals.Exists(static r => r.Code == BatchRefusalCode.CompressionRatioExceeded))
        {
            _packageRefusals.Add(BatchRefusalMessages.CompressionRatio(null, Ratio(_declaredTotal, _compressedTotal), _limits.MaxCompressionRatio));
        }

        if (_photos == 0 && _packageRefusals.Count == 0)
        {
            _packageRefusals.Add(BatchRefusalMessages.EmptyPackage());
        }
        else if (_photos > 0 && _inUnitFolder == 0)
        {
            _packageRefusals.Add(BatchRefusalMessages.WrongFolder(unitCode, _foldersFound));
        }
    }

    /// <summary>Every photo of a personal number that appears more than once is refused; returns their read indices.</summary>
    private HashSet<int> RefuseDuplicatePersonalNumbers()
    {
        var duplicateIndices = new HashSet<int>();
        foreach (var (number, indices) in _byNumber)
        {
            if (indices.Count < 2)
            {
                continue;
            }

            foreach (int index in indices)
            {
                duplicateIndices.Add(index);
                _entryRefusals.Add(BatchRefusalMessages.DuplicatePersonalNumber(_toRead[index].Entry.FullName, number));
            }
        }

        return duplicateIndices;
    }

    /// <summary>
    /// The same file under several personal numbers is one person's photo offered for others: every copy is refused
    /// with the names of the others (byte-identical content, SHA-256), so none of those people passes with it.
    /// </summary>
    private List<BatchPhotoEntry> RefuseIdenticalPhotos(List<BatchPhotoEntry> accepted)
    {
        var byContent = accepted.GroupBy(a => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(a.Bytes)), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList();
        if (byContent.Count == 0)
        {
            return accepted;
        }

        var refused = new HashSet<BatchPhotoEntry>(ReferenceEqualityComparer.Instance);
        foreach (var group in byContent)
        {
            foreach (var entry in group)
            {
                var others = group.Where(o => !ReferenceEquals(o, entry)).Select(o => o.FileName);
                _entryRefusals.Add(BatchRefusalMessages.IdenticalPhoto(entry.EntryName, others));
                refused.Add(entry);
            }
        }

        return [.. accepted.Where(a => !refused.Contains(a))];
    }

    /// <summary>Decompresses the photos to read, stopping at the first package-level refusal.</summary>
    private List<BatchPhotoEntry> ReadAccepted(HashSet<int> duplicateIndices)
    {
        var accepted = new List<BatchPhotoEntry>(_toRead.Count);
        for (int i = 0; i < _toRead.Count; i++)
        {
            if (duplicateIndices.Contains(i))
            {
                continue;
            }

            var (entry, number, fileName) = _toRead[i];
            var bytes = ReadVerified(entry, ref _bytesRead);
            if (_packageRefusals.Count > 0)
            {
                break;
            }

            if (bytes is not null)
            {
                accepted.Add(new BatchPhotoEntry(number, entry.FullName, fileName, bytes, entry.LastWriteTime));
            }
        }

        return accepted;
    }

    /// <summary>
    /// Decompresses one entry into a buffer of its declared size, counting bytes: more data than declared, less
    /// data, or a CRC-32 mismatch refuses the package (the runtime stops at the declared length, so a lying size
    /// shows up as a CRC mismatch). Returns null for an entry-level refusal.
    /// </summary>
    private byte[]? ReadVerified(ZipArchiveEntry entry, ref long bytesRead)
    {
        // Declared length was checked against MaxEntryBytes (at most 16 MB), so the cast is safe.
        var buffer = new byte[(int)entry.Length];
        int total = 0;
        try
        {
            using var stream = entry.Open();
            int n;
            while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += n;
            }

            Span<byte> probe = stackalloc byte[1];
            bool moreThanDeclared = total == buffer.Length && stream.Read(probe) > 0;
            bytesRead += total + (moreThanDeclared ? 1 : 0);
            if (moreThanDeclared || total != buffer.Length || Crc32.Compute(buffer) != entry.Crc32)
            {
                _packageRefusals.Add(BatchRefusalMessages.HeaderMismatch(entry.FullName));
                return null;
            }
        }
        catch (InvalidDataException ex)
        {
            _packageRefusals.Add(BatchRefusalMessages.CorruptArchive(entry.FullName, ex.Message));
            return null;
        }

        if (bytesRead > _limits.MaxTotalUncompressedBytes)
        {
            _packageRefusals.Add(BatchRefusalMessages.TotalSizeExceeded(bytesRead, _limits.MaxTotalUncompressedBytes));
            return null;
        }

        if (ArchiveSignatures.LooksLikeArchive(buffer))
        {
            _entryRefusals.Add(BatchRefusalMessages.NestedArchive(entry.FullName));
            return null;
        }

        if (Security.HeaderPixels.Exceeds(buffer, _limits.MaxPixels, _limits.MaxScaledJpegPixels, out int width, out int height))
        {
            long limit = Security.HeaderPixels.Limit(ImageFormatSniffer.Detect(buffer), _limits.MaxPixels, _limits.MaxScaledJpegPixels);
            _entryRefusals.Add(BatchRefusalMessages.TooManyPixels(entry.FullName, width, height, limit));
            return null;
        }

        return buffer;
    }

    private static double Ratio(long uncompressed, long compressed) => uncompressed / (double)Math.Max(compressed, 1);

    private static bool IsAbsolute(string normalized) =>
        normalized.StartsWith('/') ||
        (normalized.Length >= 2 && char.IsAsciiLetter(normalized[0]) && normalized[1] == ':');

    private static bool IsOsJunk(string[] segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Equals("__MACOSX", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        string last = segments[^1].Length > 0 ? segments[^1] : (segments.Length > 1 ? segments[^2] : string.Empty);
        return OsJunkFileNames.Contains(last) || last.StartsWith("._", StringComparison.Ordinal);
    }
}
