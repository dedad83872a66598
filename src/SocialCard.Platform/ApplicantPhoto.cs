namespace SocialCard.Platform;

/// <summary>The applicant's photo as pre-reviewed in the wizard: the upload as received, the fixed bytes when the
/// applicant took the one-click fix, and the findings (JSON) the verdict rests on. Only a passing photo gets this far.</summary>
public sealed record ApplicantPhoto(byte[] Original, byte[]? Fixed, string FindingsJson, bool NeedsReview = false);
