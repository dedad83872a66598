using System.Text.Json.Serialization;
using SocialCard.Platform.Registry;

namespace SocialCard.Platform.Bulk;

/// <summary>
/// One check on the unit's bulk desk: every photo with its number and verdict, the files not taken in, the staff
/// list's problems and the staff without a photo. It is a report, not a submission: nothing here is a batch until the
/// unit submits it.
/// </summary>
public sealed class BulkCheck
{
    public required string Token { get; init; }

    public required long UnitId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<BulkCheckPhoto> Photos { get; init; }

    public IReadOnlyList<BulkFileRefusal> Refusals { get; init; } = [];

    public IReadOnlyList<ImportRowError> StaffErrors { get; init; } = [];

    /// <summary>Staff list rows no photo was found for (name masked).</summary>
    public IReadOnlyList<StaffMember> WithoutPhoto { get; init; } = [];

    public bool HasStaffList { get; init; }

    /// <summary>The batches made when the unit submitted; empty until then.</summary>
    public List<long> Batches { get; init; } = [];

    [JsonIgnore]
    public int ReadyCount => Photos.Count(p => p.IsReady);

    [JsonIgnore]
    public int FixedCount => Photos.Count(p => p.Fix == BulkFixState.Fixed);

    [JsonIgnore]
    public int MismatchCount => Photos.Count(p => !p.Name.IsResolved);
}
