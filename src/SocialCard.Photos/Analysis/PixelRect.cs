namespace SocialCard.Photos.Analysis;

/// <summary>An axis-aligned pixel rectangle, [X, X + Width) x [Y, Y + Height).</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    public int Area => IsEmpty ? 0 : Width * Height;

    public double CentreX => X + (Width / 2.0);

    public double CentreY => Y + (Height / 2.0);

    /// <summary>Rectangle from floating edges, rounded outwards-in to whole pixels and clipped to the canvas.</summary>
    public static PixelRect FromEdges(double left, double top, double right, double bottom, int canvasWidth, int canvasHeight)
    {
        int x0 = Math.Clamp((int)Math.Round(left), 0, canvasWidth);
        int y0 = Math.Clamp((int)Math.Round(top), 0, canvasHeight);
        int x1 = Math.Clamp((int)Math.Round(right), 0, canvasWidth);
        int y1 = Math.Clamp((int)Math.Round(bottom), 0, canvasHeight);
        return new PixelRect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }

    public override string ToString() => $"{Width}x{Height}@{X},{Y}";
}
