namespace SocialCard.Platform.Batches;

/// <summary>
/// What came out of one unit package. When <see cref="IsPackageRefused"/> is true, <see cref="Accepted"/> is empty and
/// <see cref="Refusals"/> holds at least one <see cref="BatchRefusalScope.Package"/> refusal; entry refusals found on the
/// way are still listed so the unit can fix everything at once.
/// </summary>
public sealed class BatchIntakeResult
{
    internal BatchIntakeResult(
        string unitCode,
        IReadOnlyList<BatchPhotoEntry> accepted,
        IReadOnlyList<BatchRefusal> refusals,
        IReadOnlyList<BatchIntakeNote> notes,
        int entryCount,
        long uncompressedBytesRead)
    {
        UnitCode = unitCode;
        Refusals = refusals;
        Notes = notes;
        EntryCount = entryCount;
        UncompressedBytesRead = uncompressedBytesRead;
        IsPackageRefused = refusals.Any(static r => r.Scope == BatchRefusalScope.Package);
        Accepted = IsPackageRefused ? [] : accepted;
    }

    /// <summary>The unit code the package was checked against.</summary>
    public string UnitCode { get; }

    /// <summary>True when the package itself is bad and nothing in it may be used.</summary>
    public bool IsPackageRefused { get; }

    /// <summary>Photos to hand to pre-review, in archive order.</summary>
    public IReadOnlyList<BatchPhotoEntry> Accepted { get; }

    /// <summary>Every refusal, package-level first, then entry-level in archive order.</summary>
    public IReadOnlyList<BatchRefusal> Refusals { get; }

    /// <summary>Only the package-level refusals.</summary>
    public IEnumerable<BatchRefusal> PackageRefusals => Refusals.Where(static r => r.Scope == BatchRefusalScope.Package);

    /// <summary>Only the entry-level refusals.</summary>
    public IEnumerable<BatchRefusal> EntryRefusals => Refusals.Where(static r => r.Scope == BatchRefusalScope.Entry);

    /// <summary>Entries ignored on purpose (OS junk).</summary>
    public IReadOnlyList<BatchIntakeNote> Notes { get; }

    /// <summary>Central-directory records in the archive (0 when it could not be opened).</summary>
    public int EntryCount { get; }

    /// <summary>Uncompressed bytes actually decompressed (counted, not declared).</summary>
    public long UncompressedBytesRead { get; }
}
