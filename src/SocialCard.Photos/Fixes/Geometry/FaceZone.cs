using System.Drawing;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>The skin zone of a face in output pixels: between the outer eye corners, from just under the eyes to the
/// upper lip (cheeks and nose), where exposure and skin colour are measured.</summary>
internal readonly record struct FaceZone(int X0, int Y0, int X1, int Y1)
{
    public static FaceZone Skin(IReadOnlyList<PointF> p, int width, int height)
    {
        float eyeY = (LandmarkGeometry.LeftEye(p).Y + LandmarkGeometry.RightEye(p).Y) / 2f;
        float lip = p[51].Y;
        int x0 = Math.Clamp((int)p[36].X, 0, width - 1), x1 = Math.Clamp((int)p[45].X, 0, width - 1);
        int y0 = Math.Clamp((int)(eyeY + ((lip - eyeY) * 0.25f)), 0, height - 1), y1 = Math.Clamp((int)(lip - ((lip - eyeY) * 0.1f)), 0, height - 1);
        return new FaceZone(x0, y0, Math.Max(x0 + 1, x1), Math.Max(y0 + 1, y1));
    }

    /// <summary>Face zone from the brows to the chin, jaw to jaw (for focus and contrast).</summary>
    public static FaceZone Whole(IReadOnlyList<PointF> p, int width, int height)
    {
        float top = float.MaxValue;
        for (int i = 17; i <= 26; i++)
        {
            top = Math.Min(top, p[i].Y);
        }

        int x0 = Math.Clamp((int)p[2].X, 0, width - 1), x1 = Math.Clamp((int)p[14].X, 0, width - 1);
        int y0 = Math.Clamp((int)top, 0, height - 1), y1 = Math.Clamp((int)p[8].Y, 0, height - 1);
        return new FaceZone(x0, y0, Math.Max(x0 + 1, x1), Math.Max(y0 + 1, y1));
    }

    public int Width => X1 - X0;

    public int Height => Y1 - Y0;
}
