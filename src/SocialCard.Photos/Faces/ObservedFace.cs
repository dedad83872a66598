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

    private static double Distance(PointF a, PointF b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
