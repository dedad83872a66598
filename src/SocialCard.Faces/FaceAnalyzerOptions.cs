namespace SocialCard.Faces;

/// <summary>Options of a <see cref="FaceAnalyzer"/>.</summary>
public sealed class FaceAnalyzerOptions
{
    /// <summary>
    /// Detector input size S (a multiple of 32, 32..1024): the image is padded to a square and resized to S x S.
    /// Default 416: measured to find exactly one face on every compliant 358x441 devset photo (see the tests);
    /// 320 misses some of them.
    /// </summary>
    public int InputSize { get; init; } = 416;

    /// <summary>Minimum detector score (sigmoid of the objectness), exclusive. Default 0.5 like face-api.</summary>
    public double ScoreThreshold { get; init; } = 0.5;

    /// <summary>Use the cheaper face_landmark_68_tiny net instead of face_landmark_68 for the points.</summary>
    public bool UseTinyLandmarks { get; init; }

    /// <summary>
    /// How many times the 68-point net is re-run on the <see cref="LandmarkFrame"/> of its own previous points instead
    /// of the detector box (0: once on the detector box, as face-api). The expression net follows the final points.
    /// </summary>
    public int FrameRefinements { get; init; }
}
