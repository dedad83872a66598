namespace SocialCard.Faces;

/// <summary>One face: detector box and score, the 68 iBUG landmarks, expression probabilities and derived geometry.</summary>
public sealed class DetectedFace
{
    public const int LandmarkCount = 68;

    internal DetectedFace(FaceBox box, double score, FacePoint[] landmarks, FaceExpressions expressions)
    {
        if (landmarks.Length != LandmarkCount)
        {
            throw new ArgumentException("68 landmarks expected.", nameof(landmarks));
        }

        Box = box;
        Score = score;
        Landmarks = landmarks;
        Expressions = expressions;
        Geometry = FaceGeometry.FromLandmarks(landmarks);
    }

    /// <summary>Detector box in image pixels (may extend past the image edges).</summary>
    public FaceBox Box { get; }

    /// <summary>Detector confidence, 0..1.</summary>
    public double Score { get; }

    /// <summary>
    /// The 68 points in iBUG order, image pixels: jaw 0-16, brows 17-21 / 22-26, nose 27-35, eyes 36-41 (image-left eye,
    /// the person's right) / 42-47, outer lips 48-59, inner lips 60-67.
    /// </summary>
    public IReadOnlyList<FacePoint> Landmarks { get; }

    public FaceExpressions Expressions { get; }

    public FaceGeometry Geometry { get; }
}
