namespace SocialCard.Faces.Models.FaceLandmark68;

/// <summary>
/// fc output (x0,y0..x67,y67 in 0..1 of the padded 112 square) -> image pixels, as face-api's <c>postProcess</c> +
/// <c>FaceLandmarks</c>: s = 112/max(w',h'); sw = w's; sh = h's; pad on the short side = |sw-sh|/2;
/// rel = (o*112 - pad)/sw (or /sh); pixel = rel * w' + box.x (the unclipped, unfloored detection box).
/// </summary>
internal static class LandmarkDecoder
{
    public const int InputSize = 112;

    public static void ToImage(ReadOnlySpan<float> fc, CropRect crop, double shiftX, double shiftY, Span<FacePoint> points)
    {
        double s = (double)InputSize / Math.Max(crop.Width, crop.Height);
        double sw = crop.Width * s;
        double sh = crop.Height * s;
        double padX = sw < sh ? (sh - sw) / 2 : 0;
        double padY = sh < sw ? (sw - sh) / 2 : 0;
        for (int i = 0; i < DetectedFace.LandmarkCount; i++)
        {
            double rx = ((fc[2 * i] * (double)InputSize) - padX) / sw;
            double ry = ((fc[(2 * i) + 1] * (double)InputSize) - padY) / sh;
            points[i] = new FacePoint((rx * crop.Width) + shiftX, (ry * crop.Height) + shiftY);
        }
    }

    /// <summary>face-api <c>align()</c> (min box padded by 20%): (minX - 0.1w, minY - 0.1h, 1.2w, 1.2h).</summary>
    public static (double X, double Y, double Width, double Height) AlignedRect(ReadOnlySpan<FacePoint> points)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (FacePoint p in points)
        {
            minX = Math.Min(minX, p.X);
            minY = Math.Min(minY, p.Y);
            maxX = Math.Max(maxX, p.X);
            maxY = Math.Max(maxY, p.Y);
        }

        double w = maxX - minX;
        double h = maxY - minY;
        return (minX - (w * 0.2 / 2), minY - (h * 0.2 / 2), w + (w * 0.2), h + (h * 0.2));
    }
}
