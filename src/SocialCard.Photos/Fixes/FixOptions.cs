namespace SocialCard.Photos.Fixes;

/// <summary>Limits and targets of the automatic fix. Library options: pass explicitly; defaults are the tuned values.</summary>
public sealed class FixOptions
{
    public static readonly FixOptions Default = new();

    /// <summary>Largest |yaw| (degrees) the fix accepts: a turned head cannot be turned back.</summary>
    public double MaxYawDegrees { get; init; } = 20;

    /// <summary>Largest |roll| (degrees) the fix levels; beyond it the photo is refused as a tilted pose.</summary>
    public double MaxRollDegrees { get; init; } = 25;

    /// <summary>Eye openness (eye height / eye width from landmarks) below which the eyes count as closed.</summary>
    public double MinEyeOpenness { get; init; } = 0.12;

    /// <summary>
    /// Largest upscale from the source to the output. The target face width is the middle of the profile's range; a source
    /// whose face needs more than this enlargement is too small for the geometry (the result would be soft).
    /// </summary>
    public double MaxUpscale { get; init; } = 1.75;

    /// <summary>Roll (degrees) below which leveling is skipped.</summary>
    public double RollTolerance { get; init; } = 0.5;

    /// <summary>Face focus (<see cref="Analysis.SharpnessMeasure"/>) the checker requires when the profile does not say
    /// (the profile's <c>sharpness.blur.minSharpness</c> wins).</summary>
    public double DefaultMinSharpness { get; init; } = 0.2;

    /// <summary>Below this fraction of the required focus a photo is blurred beyond repair.</summary>
    public double RepairableSharpnessRatio { get; init; } = 0.75;

    /// <summary>Below this multiple of the required focus a mild unsharp mask is applied.</summary>
    public double SoftSharpnessRatio { get; init; } = 1.5;

    /// <summary>Long side (pixels) the source is decoded down to (by JPEG DCT scaling) before analysis, when larger.</summary>
    public int AnalysisLongSide { get; init; } = 1000;

    /// <summary>Re-check the output with the full rule set (turn off only in tests of single steps).</summary>
    public bool Recheck { get; init; } = true;
}
