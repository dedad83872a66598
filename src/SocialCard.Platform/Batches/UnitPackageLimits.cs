namespace SocialCard.Platform.Batches;

/// <summary>
/// Limits applied to one unit photo package (zip). The defaults follow the Suzhou rule of at most 50 photos per upload;
/// every configurable limit is clamped to a hard <c>Absolute…</c> ceiling so a configuration mistake cannot open the
/// door to a decompression bomb.
/// </summary>
public sealed record UnitPackageLimits
{
    /// <summary>Hard ceiling for <see cref="MaxPhotos"/>.</summary>
    public const int AbsoluteMaxPhotos = 1_000;

    /// <summary>Hard ceiling for <see cref="MaxEntries"/> (central directory records, including folders and OS junk).</summary>
    public const int AbsoluteMaxEntries = 10_000;

    /// <summary>Hard ceiling for <see cref="MaxEntryBytes"/>: 16 MB.</summary>
    public const long AbsoluteMaxEntryBytes = 16L * 1024 * 1024;

    /// <summary>Hard ceiling for <see cref="MaxTotalUncompressedBytes"/>: 512 MB.</summary>
    public const long AbsoluteMaxTotalUncompressedBytes = 512L * 1024 * 1024;

    /// <summary>Hard ceiling for <see cref="MaxPackageBytes"/>: 512 MB.</summary>
    public const long AbsoluteMaxPackageBytes = 512L * 1024 * 1024;

    /// <summary>Hard ceiling for <see cref="MaxCompressionRatio"/>: 1000:1.</summary>
    public const double AbsoluteMaxCompressionRatio = 1_000;

    /// <summary>Default limits: 50 photos, 1 MB per entry, 60 MB in total, 100:1, 64 MB package, 200 entries.</summary>
    public static UnitPackageLimits Default { get; } = new();

    /// <summary>Most photos (non-folder, non-OS-junk files) one package may hold. Seed: 一次上传不超过50张.</summary>
    public int MaxPhotos { get; init; } = 50;

    /// <summary>Most central-directory records (files, folders and ignored OS files together).</summary>
    public int MaxEntries { get; init; } = 200;

    /// <summary>Largest uncompressed size of one entry, declared and counted.</summary>
    public long MaxEntryBytes { get; init; } = 1024L * 1024;

    /// <summary>Largest uncompressed size of all photo entries together, declared and counted.</summary>
    public long MaxTotalUncompressedBytes { get; init; } = 60L * 1024 * 1024;

    /// <summary>Most pixels a photo's header may declare (checked before any decode).</summary>
    public long MaxPixels { get; init; } = Security.HeaderPixels.DefaultMaxPixels;

    /// <summary>Most pixels a JPEG's header may declare: the checker decodes it scaled down to <see cref="MaxPixels"/>.</summary>
    public long MaxScaledJpegPixels { get; init; } = Security.HeaderPixels.DefaultMaxScaledJpegPixels;

    /// <summary>Largest size of the zip file itself.</summary>
    public long MaxPackageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest uncompressed:compressed ratio of one entry (and of the package as a whole).</summary>
    public double MaxCompressionRatio { get; init; } = 100;

    /// <summary>
    /// Entries whose declared uncompressed size is below this are not ratio-checked: a few kilobytes of text compress
    /// well for innocent reasons and cannot hurt. The package-wide ratio still counts them.
    /// </summary>
    public long CompressionRatioFloorBytes { get; init; } = 64L * 1024;

    /// <summary>These limits clamped to the absolute ceilings; throws when a limit is not positive.</summary>
    internal UnitPackageLimits Effective()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPhotos);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxEntryBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTotalUncompressedBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPackageBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxCompressionRatio);
        ArgumentOutOfRangeException.ThrowIfNegative(CompressionRatioFloorBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPixels);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxScaledJpegPixels);
        return this with
        {
            MaxPhotos = Math.Min(MaxPhotos, AbsoluteMaxPhotos),
            MaxEntries = Math.Min(MaxEntries, AbsoluteMaxEntries),
            MaxEntryBytes = Math.Min(MaxEntryBytes, AbsoluteMaxEntryBytes),
            MaxTotalUncompressedBytes = Math.Min(MaxTotalUncompressedBytes, AbsoluteMaxTotalUncompressedBytes),
            MaxPackageBytes = Math.Min(MaxPackageBytes, AbsoluteMaxPackageBytes),
            MaxCompressionRatio = Math.Min(MaxCompressionRatio, AbsoluteMaxCompressionRatio),
        };
    }
}
