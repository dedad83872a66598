namespace SocialCard.Faces;

/// <summary>
/// The face frame the 68-point net is re-run on when <see cref="FaceAnalyzerOptions.FrameRefinements"/> asks for it: the
/// square on the larger side of the extent of a first landmark pass, centred on that extent, instead of the detector
/// box, so the points (and every measure read from them) stop depending on which detector input size found the face.
/// <para>
/// Measured on the devset (<c>bench ... -- face-frame</c>, 346 faces found by both the 160 probe and the 352 cascade):
/// the mean distance between the two boxes' 68 points is 1.68 px median, 2.54 p90, 20.8 largest on the detector boxes;
/// 0.92 / 1.43 / 5.2 after one pass on this frame; 0.76 / 1.22 / 4.5 after two. A frame 1.05-1.25 times the extent
/// (the detector's boxes are 1.17 times it, median) gives about the same median but larger outliers (largest 9-22 px
/// after one pass); shifting the centre down by 5% of the height is worse throughout.
/// </para>
/// </summary>
public static class LandmarkFrame
{
    /// <summary>The frame of <paramref name="points"/> in image pixels (may extend past the image edges).</summary>
    public static FaceBox FromPoints(ReadOnlySpan<FacePoint> points)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (FacePoint p in points)
        {
            minX = Math.Min(minX, p.X);
            minY = Math.Min(minY, p.Y);
            maxX = Math.Max(maxX, p.X);
            maxY = Math.Max(maxY, p.Y);
        }

        double side = Math.Max(maxX - minX, maxY - minY);
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        return new FaceBox(cx - (side / 2), cy - (side / 2), side, side);
    }

    /// <summary>
    /// True when <paramref name="frame"/> lies within the image: a frame cut by the image edge is not refined (the net
    /// would see a padded, off-centre face, and on a face filling the photo a first pass that lost the jaw gave a frame
    /// that lost more of it; the devset's only such faces are too big or off-centre anyway).
    /// </summary>
    public static bool Inside(FaceBox frame, int width, int height) =>
        frame.X >= 0 && frame.Y >= 0 && frame.Right <= width && frame.Bottom <= height;
}
