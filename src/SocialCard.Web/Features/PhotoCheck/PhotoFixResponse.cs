namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>
/// <c>POST /api/v1/photos/fix</c> answer: whether the fixed photo passes every rule, the fixed JPEG (base64) when one
/// was produced, the re-check report, each step's outcome, or why the photo cannot be fixed.
/// </summary>
public sealed record PhotoFixResponse(
    string Profile,
    bool Success,
    string? FileName,
    string? JpegBase64,
    PhotoReportDto? Recheck,
    IReadOnlyList<FixStepDto> Steps,
    FixRefusalDto? Refusal,
    double ElapsedMilliseconds);

public sealed record FixStepDto(string Step, string Outcome, BilingualText Reason, string Metric, double? Before, double? After);

/// <summary>Why the fix was refused: a stable code, the reason with its measures, and what it means for the person
/// in plain words (<see cref="Photos.Fixes.FixCapability.Explain"/>).</summary>
public sealed record FixRefusalDto(string Code, BilingualText Reason, BilingualText Summary);
