using SocialCard.Faces.Geometry;

namespace SocialCard.Faces;

/// <summary>
/// Measures derived from the 68 landmarks, in image pixels (x right, y down) and degrees.
/// "Left"/"right" are as seen in the image: the left eye is the one on the image's left (the person's right eye,
/// iBUG points 36-41); the right eye is points 42-47.
/// <para>
/// Method: roll is the eye-line angle (exact in the image plane). Yaw and pitch come from a small weak-perspective
/// PnP against a mean 3-D face (six points: nose tip, chin, outer eye corners, mouth corners; see
/// <see cref="HeadPoseEstimator"/>), not from calibrated landmark ratios. Openness values are landmark distances
/// divided by the eye-to-chin distance, so they do not depend on the face size. The top of the hair needs the
/// pixels and the background: the photo checker measures it (SocialCard.Photos, <c>HairTopMeasure</c>).
/// </para>
/// <para>
/// Validation (tests/SocialCard.Faces.Tests/Geometry): roll within 1.5 degrees of synthetic rotations of -15..15
/// degrees of compliant devset photos and within 2 degrees of the labelled angle on every devset <c>pose.roll</c>
/// photo; yaw/pitch on synthetic perspective projections of a 3-D head (error within 3 degrees + 20 %, monotonic,
/// unaffected by in-plane roll) and sign changes of yaw and roll under mirroring of real photos.
/// </para>
/// </summary>
public sealed class FaceGeometry
{
    private FaceGeometry()
    {
    }

    /// <summary>Mean of points 36-41 (the eye on the image's left).</summary>
    public FacePoint LeftEyeCenter { get; private init; }

    /// <summary>Mean of points 42-47 (the eye on the image's right).</summary>
    public FacePoint RightEyeCenter { get; private init; }

    /// <summary>Midpoint of the two eye centres.</summary>
    public FacePoint EyeMidpoint { get; private init; }

    public double InterEyeDistance { get; private init; }

    /// <summary>
    /// Eye-line angle (roll) in degrees, atan2 of the left-to-right eye vector with y down: positive when the image-right
    /// eye is lower, i.e. the head is turned clockwise as seen in the image; 0 for level eyes.
    /// </summary>
    public double RollDegrees { get; private init; }

    /// <summary>Yaw estimate in degrees (weak-perspective fit to a mean 3-D face): positive when the nose points to the image's right.</summary>
    public double YawDegrees { get; private init; }

    /// <summary>Pitch estimate in degrees (same fit): positive when the face is turned down (chin towards the chest).</summary>
    public double PitchDegrees { get; private init; }

    /// <summary>Chin point (jaw point 8, the lowest jaw landmark).</summary>
    public FacePoint Chin { get; private init; }

    /// <summary>Distance from <see cref="EyeMidpoint"/> to <see cref="Chin"/>: the scale the openness ratios use.</summary>
    public double EyeToChinDistance { get; private init; }

    /// <summary>Face width, cheek to cheek: distance between jaw points 0 and 16.</summary>
    public double FaceWidth { get; private init; }

    /// <summary>Eye opening of the image-left eye (mean of |37-41| and |38-40|) / eye-to-chin distance (OFIQ-like).</summary>
    public double LeftEyeOpenness { get; private init; }

    /// <summary>Eye opening of the image-right eye (mean of |43-47| and |44-46|) / eye-to-chin distance.</summary>
    public double RightEyeOpenness { get; private init; }

    /// <summary>Inner-lip gap (mean of |61-67|, |62-66|, |63-65|) / eye-to-chin distance; about 0 for a closed mouth.</summary>
    public double MouthOpenness { get; private init; }

    public static FaceGeometry FromLandmarks(IReadOnlyList<FacePoint> landmarks)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        if (landmarks.Count != DetectedFace.LandmarkCount)
        {
            throw new ArgumentException("68 landmarks expected.", nameof(landmarks));
        }

        Span<FacePoint> p = stackalloc FacePoint[DetectedFace.LandmarkCount];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = landmarks[i];
        }

        FacePoint left = Mean(p.Slice(36, 6));
        FacePoint right = Mean(p.Slice(42, 6));
        FacePoint mid = FacePoint.Midpoint(left, right);
        FacePoint chin = p[8];
        double eyeToChin = mid.DistanceTo(chin);
        double scale = eyeToChin > 0 ? eyeToChin : 1;
        (double yaw, double pitch) = HeadPoseEstimator.Estimate(p);
        return new FaceGeometry
        {
            LeftEyeCenter = left,
            RightEyeCenter = right,
            EyeMidpoint = mid,
            InterEyeDistance = left.DistanceTo(right),
            RollDegrees = Math.Atan2(right.Y - left.Y, right.X - left.X) * 180 / Math.PI,
            YawDegrees = yaw,
            PitchDegrees = pitch,
            Chin = chin,
            EyeToChinDistance = eyeToChin,
            FaceWidth = p[0].DistanceTo(p[16]),
            LeftEyeOpenness = ((p[37].DistanceTo(p[41]) + p[38].DistanceTo(p[40])) / 2) / scale,
            RightEyeOpenness = ((p[43].DistanceTo(p[47]) + p[44].DistanceTo(p[46])) / 2) / scale,
            MouthOpenness = ((p[61].DistanceTo(p[67]) + p[62].DistanceTo(p[66]) + p[63].DistanceTo(p[65])) / 3) / scale,
        };
    }

    private static FacePoint Mean(ReadOnlySpan<FacePoint> points)
    {
        double x = 0, y = 0;
        foreach (FacePoint p in points)
        {
            x += p.X;
            y += p.Y;
        }

        return new FacePoint(x / points.Length, y / points.Length);
    }
}
