using System.Text.Json.Serialization;

namespace SocialCard.Platform.Bulk;

/// <summary>
/// The personal number a photo of the bulk desk is filed under, how it was found, and, when none was found or it
/// collides with another photo, why (zh-CN and English; ID numbers masked).
/// </summary>
public sealed record BulkPhotoName(string? PersonalNumber, BulkNameSource Source, string? ProblemZh, string? ProblemEn)
{
    [JsonIgnore]
    public bool IsResolved => PersonalNumber is not null && ProblemZh is null;
}
