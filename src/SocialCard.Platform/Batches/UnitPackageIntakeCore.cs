using System.IO.Compression;

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

    public BatchIntakeResult Run()
    {
        if (entries.Count > _limits.MaxEntries)
        {
            return UnitPackageIntake.Refused(unitCode, BatchRefusalMessages.TooManyEntries(entries.Count, _limits.MaxEntries));
        }

        var seenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var foldersFound = new SortedSet<string>(StringComparer.Ordinal);
        var byNumber = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int photos = 0;
        int inUnitFolder = 0;
        long declaredTotal = 0;
        long compressedTotal = 0;

        foreach (var entry in entries)
        {
            string name = entry.FullName;
            string normalized = name.Replace('\\', '/');
            string[] segments = normalized.Split('/');

            if (IsAbsolute(normalized))
            {
                _packageRefusals.Add(BatchRefusalMessages.AbsolutePath(name));
                continue;
            }

            if (Array.IndexOf(segments, "..") >= 0)
            {
                _packageRefusals.Add(BatchRefusalMessages.PathTraversal(name));
                continue;
            }

            if (((entry.ExternalAttributes >> 16) & FileTypeMask) == SymbolicLinkMode)
            {
                _packageRefusals.Add(BatchRefusalMessages.SymbolicLink(name));
                continue;
            }

            bool isDirectory = normalized.EndsWith('/');
            if (IsOsJunk(segments))
            {
                if (!isDirectory)
                {
                    _notes.Add(BatchRefusalMessages.IgnoredOsFile(name));
                }

                continue;
            }

            if (isDirectory)
            {
                continue;
            }

            if (!seenNames.Add(normalized))
            {
                _packageRefusals.Add(BatchRefusalMessages.DuplicateName(name));
                continue;
            }

            photos++;
            declaredTotal += entry.Length;
            compressedTotal += entry.CompressedLength;

            if (entry.Length >= _limits.CompressionRatioFloorBytes && entry.Length > 0 &&
                Ratio(entry.Length, entry.CompressedLength) > _limits.MaxCompressionRatio)
            {
                _packageRefusals.Add(BatchRefusalMessages.CompressionRatio(name, Ratio(entry.Length, entry.CompressedLength), _limits.MaxCompressionRatio));
            }

            if (segments.Length > 1)
            {
                foldersFound.Add(segments[0]);
            }

            if (segments.Length != 2 || !string.Equals(segments[0], unitCode, StringComparison.Ordinal))
            {
                _entryRefusals.Add(BatchRefusalMessages.OutsideUnitFolder(name, unitCode));
                continue;
            }

            inUnitFolder++;
            string fileName = segments[1];
            if (entry.IsEncrypted)
            {
                _entryRefusals.Add(BatchRefusalMessages.Encrypted(name));
                continue;
            }

            if (ArchiveSignatures.HasArchiveExtension(fileName))
            {
                _entryRefusals.Add(BatchRefusalMessages.NestedArchive(name));
                continue;
            }

            if (!PhotoFileName.TryParsePersonalNumber(fileName, out var personalNumber))
            {
                _entryRefusals.Add(BatchRefusalMessages.BadFileName(name));
                continue;
            }

            if (entry.Length > _limits.MaxEntryBytes)
            {
                _entryRefusals.Add(BatchRefusalMessages.EntryTooLarge(name, entry.Length, _limits.MaxEntryBytes));
                continue;
            }

            if (entry.Length == 0)
            {
                _entryRefusals.Add(BatchRefusalMessages.EmptyFile(name));
                continue;
            }

            if (!byNumber.TryGetValue(personalNumber, out var indices))
            {
                indices = [];
                byNumber.Add(personalNumber, indices);
            }

            indices.Add(_toRead.Count);
            _toRead.Add((entry, personalNumber, fileName));
        }

        if (photos > _limits.MaxPhotos)
        {
            _packageRefusals.Add(BatchRefusalMessages.TooManyPhotos(photos, _limits.MaxPhotos));
        }

        if (declaredTotal > _limits.MaxTotalUncompressedBytes)
        {
            _packageRefusals.Add(BatchRefusalMessages.TotalSizeExceeded(declaredTotal, _limits.MaxTotalUncompressedBytes));
        }

        if (declaredTotal >= _limits.CompressionRatioFloorBytes && declaredTotal > 0 &&
            Ratio(declaredTotal, compressedTotal) > _limits.MaxCompressionRatio &&
            !_packageRefusals.Exists(static r => r.Code == BatchRefusalCode.CompressionRatioExceeded))
        {
            _packageRefusals.Add(BatchRefusalMessages.CompressionRatio(null, Ratio(declaredTotal, compressedTotal), _limits.MaxCompressionRatio));
        }

        if (photos == 0 && _packageRefusals.Count == 0)
        {
            _packageRefusals.Add(BatchRefusalMessages.EmptyPackage());
        }
        else if (photos > 0 && inUnitFolder == 0)
        {
            _packageRefusals.Add(BatchRefusalMessages.WrongFolder(unitCode, foldersFound));
        }

        var duplicateIndices = new HashSet<int>();
        foreach (var (number, indices) in byNumber)
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

        var accepted = new List<BatchPhotoEntry>(_toRead.Count);
        long bytesRead = 0;
        if (_packageRefusals.Count == 0)
        {
            // Only a package whose central directory is clean is decompressed at all.
            for (int i = 0; i < _toRead.Count; i++)
            {
                if (duplicateIndices.Contains(i))
                {
                    continue;
                }

                var (entry, number, fileName) = _toRead[i];
                var bytes = ReadVerified(entry, ref bytesRead);
                if (_packageRefusals.Count > 0)
                {
                    break;
                }

                if (bytes is null)
                {
                    continue;
                }

                accepted.Add(new BatchPhotoEntry(number, entry.FullName, fileName, bytes, entry.LastWriteTime));
            }
        }

        var refusals = new List<BatchRefusal>(_packageRefusals.Count + _entryRefusals.Count);
        refusals.AddRange(_packageRefusals);
        refusals.AddRange(_entryRefusals);
        return new BatchIntakeResult(unitCode, accepted, refusals, _notes, entries.Count, bytesRead);
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
