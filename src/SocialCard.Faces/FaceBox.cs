namespace SocialCard.Faces;

/// <summary>An axis-aligned rectangle in image pixels (x right, y down), as the detector reports it (not clipped).</summary>
public readonly record struct FaceBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + (Width / 2);

    public double CenterY => Y + (Height / 2);
}
