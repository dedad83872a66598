namespace SocialCard.Faces;

/// <summary>
/// When a cheap detector pass may be trusted on its own (<see cref="FaceAnalyzer.AnalyzeSingle"/>): exactly one face over
/// the analyzer's score threshold, no second candidate that survives non-maximum suppression over
/// <see cref="RivalThreshold"/> (a second person the small input scored low), and a box whose centre and width, as
/// shares of the image width, lie within broad bounds (an off-centre face may be one of two people, a small face may be
/// poorly boxed at a small input size). Anything else: the caller runs its full detector cascade.
/// </summary>
public sealed class SingleFaceGate
{
    /// <summary>Any other NMS-kept candidate scoring over this (exclusive) rejects the pass. Default 0.2.</summary>
    public double RivalThreshold { get; init; } = 0.2;

    /// <summary>Smallest accepted box centre, as a share of the image width. Default 0.3.</summary>
    public double MinCentreX { get; init; } = 0.3;

    /// <summary>Largest accepted box centre, as a share of the image width. Default 0.7.</summary>
    public double MaxCentreX { get; init; } = 0.7;

    /// <summary>Smallest accepted box width, as a share of the image width. Default 0.4.</summary>
    public double MinWidth { get; init; } = 0.4;

    /// <summary>Largest accepted box width, as a share of the image width. Default 1.3.</summary>
    public double MaxWidth { get; init; } = 1.3;
}
