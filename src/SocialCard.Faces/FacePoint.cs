namespace SocialCard.Faces;

/// <summary>A point in image pixels (x right, y down).</summary>
public readonly record struct FacePoint(double X, double Y)
{
    public double DistanceTo(FacePoint other)
    {
        double dx = other.X - X;
        double dy = other.Y - Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    public static FacePoint Midpoint(FacePoint a, FacePoint b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
}
