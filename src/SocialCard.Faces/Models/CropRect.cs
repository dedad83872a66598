namespace SocialCard.Faces.Models;

/// <summary>
/// A face box clipped to the image and floored (face-api <c>clipAtImageBorders</c>): x' = max(x,0), y' = max(y,0),
/// w' = min(x+w-x', W-x'), h' = min(y+h-y', H-y'), all four floored.
/// </summary>
internal readonly record struct CropRect(int X, int Y, int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public static CropRect Clip(double x, double y, double width, double height, int imageWidth, int imageHeight)
    {
        double cx = Math.Max(x, 0);
        double cy = Math.Max(y, 0);
        double cw = Math.Min(x + width - cx, imageWidth - cx);
        double ch = Math.Min(y + height - cy, imageHeight - cy);
        return new CropRect((int)Math.Floor(cx), (int)Math.Floor(cy), (int)Math.Floor(cw), (int)Math.Floor(ch));
    }
}
