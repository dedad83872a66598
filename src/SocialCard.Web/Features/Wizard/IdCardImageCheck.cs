namespace SocialCard.Web.Features.Wizard;

/// <summary>Result of <see cref="IdCardImageChecker"/>: every finding (bilingual), the measurements, and the image
/// re-encoded as JPEG for storage and the PDF (null when it could not be read).</summary>
public sealed record IdCardImageCheck(
    bool Passed,
    IReadOnlyList<PhotoPreReviewItem> Items,
    double Aspect,
    double FillRatio,
    double SkewDegrees,
    double Sharpness,
    byte[]? Jpeg);
