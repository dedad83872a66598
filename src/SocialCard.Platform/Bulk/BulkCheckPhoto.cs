using System.Text.Json.Serialization;
using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Bulk;

/// <summary>One photo on the bulk desk: its name and number, its pre-review, and its fix (if one was tried).</summary>
public sealed class BulkCheckPhoto
{
    public required int Index { get; init; }

    /// <summary>The name the unit gave the file (kept encrypted in the store; pages show <see cref="MaskedFileName"/>).</summary>
    public required string FileName { get; init; }

    public required BulkPhotoName Name { get; init; }

    public required PhotoVerdict Verdict { get; init; }

    public required IReadOnlyList<PhotoFinding> Findings { get; init; }

    public BulkFixState Fix { get; set; }

    /// <summary>Why the fix was refused or did not pass (zh-CN / English).</summary>
    public string? FixZh { get; set; }

    public string? FixEn { get; set; }

    /// <summary>The file name with an ID number or a name in it masked, for lists.</summary>
    [JsonIgnore]
    public string MaskedFileName => BulkNaming.MaskFileName(FileName);

    /// <summary>Goes into a package as it is: named and passed (or waiting for a look by centre staff).</summary>
    [JsonIgnore]
    public bool IsReady => Name.IsResolved && Verdict is PhotoVerdict.Passed or PhotoVerdict.NeedsReview;

    /// <summary>Named, failed only for what the automatic fix can repair, and not tried yet.</summary>
    [JsonIgnore]
    public bool NeedsFix => Name.IsResolved && Verdict == PhotoVerdict.Failed && Fix == BulkFixState.None && PhotoFinding.FixCanRepair(Findings);
}
