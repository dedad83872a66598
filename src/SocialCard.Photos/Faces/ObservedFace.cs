using System.Drawing;

namespace SocialCard.Photos.Faces;

/// <summary>One detected face in image pixels: box, detector score, the 68 iBUG landmarks, and what the face engine
/// estimated from them (pose, eye and mouth openings, expression probabilities) when it did.</summary>
public sealed class ObservedFace
{
    public required RectangleF Box { get; init; }

    public float Score { get; init; }

    /// <summary>68 landmarks (iBUG 300-W order: 0-16 jaw, 36-41 right eye, 42-47 left eye, 48-67 mouth), or empty.</summary>
    public IReadOnlyList<PointF> Landmarks { get; init; } = [];

    public double? YawDegrees { get; init; }

    public double? PitchDegrees { get; init; }

    public double? RollDegrees { get; init; }

    /// <summary>Expression probabilities keyed by name ("neutral", "happy", ...), or empty.</summary>
    public IReadOnlyDictionary<string, double> Expressions { get; init; } = new Dictionary<string, double>();

    public bool HasLandmarks => Landmarks.Count == 68;

    /// <summary>Centre of landmarks [from, to).</summary>
    public PointF Centre(int from, int to)
    {
        float x = 0, y = 0;
        for (int i = from; i < to; i++)
        {
            x += Landmarks[i].X;
            y += Landmarks[i].Y;
        }

        return new PointF(x / (to - from), y / (to - from));
    }

    /// <summary>Eye-line midpoint and eye line (mean of both eye centres), from landmarks or the box.</summary>
    public PointF EyeMidpoint => HasLandmarks
        ? new PointF((Centre(36, 42).X + Centre(42, 48).X) / 2f, (Centre(36, 42).Y + Centre(42, 48).Y) / 2f)
        : new PointF(Box.X + (Box.Width / 2f), Box.Y + (Box.Height * 0.4f));

    /// <summary>Cheek-to-cheek width: jaw landmark 0 to 16, else the box width.</summary>
    public double FaceWidth => HasLandmarks
        ? Distance(Landmarks[0], Landmarks[16])
        : Box.Width;

    /// <summary>Chin point (jaw landmark 8), else the bottom centre of the box.</summary>
    public PointF Chin => HasLandmarks ? Landmarks[8] : new PointF(Box.X + (Box.Width / 2f), Box.Bottom);

    /// <summary>Eye-line midpoint to chin: the scale of the opening ratios (OFIQ). Zero without landmarks.</summary>
    public double EyeToChin => HasLandmarks ? Distance(EyeMidpoint, Landmarks[8]) : 0;

    /// <summary>
    /// Eye-line angle in degrees from the two eye centres (y down): positive when the eye on the image's right is lower.
    /// Null without landmarks.
    /// </summary>
    public double? EyeLineDegrees => HasLandmarks
        ? Math.Atan2(Centre(42, 48).Y - Centre(36, 42).Y, Centre(42, 48).X - Centre(36, 42).X) * 180 / Math.PI
        : null;

    /// <summary>Roll as the engine estimated it, else the eye-line angle.</summary>
    public double? Roll => RollDegrees ?? EyeLineDegrees;

    /// <summary>Opening of the eye on the image's left (mean of |37-41|, |38-40|) / eye-to-chin; null without landmarks.</summary>
    public double? LeftEyeOpenness => !HasLandmarks ? null : Ratio((Distance(Landmarks[37], Landmarks[41]) + Distance(Landmarks[38], Landmarks[40])) / 2);

    /// <summary>Opening of the eye on the image's right (mean of |43-47|, |44-46|) / eye-to-chin.</summary>
    public double? RightEyeOpenness => !HasLandmarks ? null : Ratio((Distance(Landmarks[43], Landmarks[47]) + Distance(Landmarks[44], Landmarks[46])) / 2);

    /// <summary>Inner-lip gap (mean of |61-67|, |62-66|, |63-65|) / eye-to-chin: about 0 for a closed mouth.</summary>
    public double? MouthOpenness => !HasLandmarks ? null : Ratio((Distance(Landmarks[61], Landmarks[67]) + Distance(Landmarks[62], Landmarks[66]) + Distance(Landmarks[63], Landmarks[65])) / 3);

    /// <summary>
    /// Inner-lip gap (mean of |61-67|, |62-66|, |63-65|) over the mouth's width (outer corners 48-54): how far the lips
    /// are parted for this mouth's size, whatever the face's proportions. About 0-0.15 for closed or barely parted
    /// lips, more where a smile parts them over the teeth. Null without landmarks or for a mouth under 4 px wide.
    /// </summary>
    public double? LipGapOfWidth
    {
        get
        {
            if (!HasLandmarks)
            {
                return null;
            }

            double width = Distance(Landmarks[48], Landmarks[54]);
            double gap = (Distance(Landmarks[61], Landmarks[67]) + Distance(Landmarks[62], Landmarks[66]) + Distance(Landmarks[63], Landmarks[65])) / 3;
            return width >= 4 ? gap / width : null;
        }
    }

    /// <summary>Probability of one expression by name, 0 when absent.</summary>
    public double Expression(string name) => Expressions.TryGetValue(name, out double p) ? p : 0;

    private double? Ratio(double length)
    {
        double scale = EyeToChin;
        return scale > 0 ? length / scale : null;
    }

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
