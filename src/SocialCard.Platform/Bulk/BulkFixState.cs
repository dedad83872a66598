namespace SocialCard.Platform.Bulk;

/// <summary>Where a photo of the bulk desk stands with the automatic fix.</summary>
public enum BulkFixState
{
    /// <summary>Not fixed (it passed, or the fix was not run yet).</summary>
    None,

    /// <summary>A fixed photo that passes every rule is waiting for the unit's accept.</summary>
    Fixed,

    /// <summary>The fix refused the photo or its result still fails; the reason is kept.</summary>
    Refused,
}
