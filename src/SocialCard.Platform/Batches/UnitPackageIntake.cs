using System.IO.Compression;

namespace SocialCard.Platform.Batches;

/// <summary>
/// Takes in one unit photo package: a zip holding a folder named after the unit code with up to 50
/// <c>&lt;personal number&gt;.jpg</c> files (seed 000, 一、4). The zip is read in memory with
/// <see cref="ZipArchive"/>; nothing is extracted to disk. Names are checked from the central directory first
/// (traversal, absolute paths, symbolic links, duplicates, folder, count, declared sizes and ratios) and only a package
/// that passes is decompressed, counting bytes and checking each CRC-32 so lying headers are caught.
/// </summary>
/// <remarks>Thread-safe: holds only the immutable limits.</remarks>
public sealed class UnitPackageIntake
{
    private readonly UnitPackageLimits _limits;

    /// <summary>Creates an intake with <paramref name="limits"/> (default: <see cref="UnitPackageLimits.Default"/>).</summary>
    public UnitPackageIntake(UnitPackageLimits? limits = null)
    {
        _limits = (limits ?? UnitPackageLimits.Default).Effective();
    }

    /// <summary>The limits in force, after clamping to the absolute ceilings.</summary>
    public UnitPackageLimits Limits => _limits;

    /// <summary>Checks and reads a package held in memory.</summary>
    /// <param name="package">The zip file bytes.</param>
    /// <param name="unitCode">The uploading unit's code; the package folder must carry exactly this name.</param>
    public BatchIntakeResult Read(byte[] package, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(package);
        ValidateUnitCode(unitCode);
        if (package.LongLength > _limits.MaxPackageBytes)
        {
            return Refused(unitCode, BatchRefusalMessages.PackageTooLarge(_limits.MaxPackageBytes));
        }

        return ReadCore(package, unitCode);
    }

    /// <summary>
    /// Buffers <paramref name="package"/> in memory (at most <see cref="UnitPackageLimits.MaxPackageBytes"/> + 1
    /// bytes; it need not be seekable) and checks it.
    /// </summary>
    public async Task<BatchIntakeResult> ReadAsync(Stream package, string unitCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        ValidateUnitCode(unitCode);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await package.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _limits.MaxPackageBytes)
            {
                return Refused(unitCode, BatchRefusalMessages.PackageTooLarge(_limits.MaxPackageBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return ReadCore(buffer.ToArray(), unitCode);
    }

    /// <summary>Synchronous form of <see cref="ReadAsync"/>.</summary>
    public BatchIntakeResult Read(Stream package, string unitCode) =>
        ReadAsync(package, unitCode, CancellationToken.None).GetAwaiter().GetResult();

    private static void ValidateUnitCode(string unitCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unitCode);
        if (unitCode.AsSpan().IndexOfAny('/', '\\') >= 0 || unitCode.Contains("..", StringComparison.Ordinal) ||
            unitCode.Trim().Length != unitCode.Length)
        {
            throw new ArgumentException("The unit code must be a plain folder name.", nameof(unitCode));
        }
    }

    internal static BatchIntakeResult Refused(string unitCode, BatchRefusal refusal) =>
        new(unitCode, [], [refusal], [], 0, 0);

    private BatchIntakeResult ReadCore(byte[] package, string unitCode)
    {
        long? declaredCount = ZipCentralDirectoryProbe.TryReadEntryCount(package);
        if (declaredCount is null)
        {
            return Refused(unitCode, BatchRefusalMessages.NotAZip("no end-of-central-directory record"));
        }

        if (declaredCount > _limits.MaxEntries)
        {
            return Refused(unitCode, BatchRefusalMessages.TooManyEntries(declaredCount.Value, _limits.MaxEntries));
        }

        ZipArchive archive;
        IReadOnlyCollection<ZipArchiveEntry> entries;
        try
        {
            archive = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read, false, ZipNameEncoding.Instance);
        }
        catch (InvalidDataException ex)
        {
            return Refused(unitCode, BatchRefusalMessages.NotAZip(ex.Message));
        }

        using (archive)
        {
            try
            {
                entries = archive.Entries; // the central directory is parsed on first access
            }
            catch (InvalidDataException ex)
            {
                return Refused(unitCode, BatchRefusalMessages.NotAZip(ex.Message));
            }

            return new UnitPackageIntakeCore(_limits, entries, unitCode).Run();
        }
    }
}
