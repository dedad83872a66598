namespace SocialCard.Platform.Domain;

/// <summary>Pre-review (预审) verdict of one photo.</summary>
public enum PhotoVerdict
{
    Pending = 0,
    Passed = 1,
    Failed = 2,

    /// <summary>
    /// 需人工复核: a measure sits within its own uncertainty of a limit (the engine warns), so the photo is neither
    /// passed nor voided; it waits in the console's queue for a look by centre staff, who accept or reject it.
    /// </summary>
    NeedsReview = 3,
}
