using System.Drawing;
using SocialCard.Faces;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>
/// The person's shoulders and body as the segmentation network's matte of the original shows them, not the wall
/// contrast. The shoulder line is the check's own reading (<see cref="ShoulderLine.FromPerson"/>: each side's upper
/// edge 0.5-0.9 face widths from the face axis, fitted robustly) on the matte turned as the fix turns the photo to
/// level the eyes, so its tilt is taken against the eye line, which is what stays after the fix levels the eyes (a photo turned as a whole, head and shoulders together, reads level; a body
/// turned under a straight head does not). The body's width is read <see cref="BodyDepth"/> face widths below the chin
/// in the levelled frame: from the face axis outwards on each side as long as the matte says person (one half), noting
/// whether the person ends at the background or runs into the photo's edge (a body cut off by the frame). Every length
/// is in face widths (jaw 0-16).
/// </summary>
internal sealed record MatteShoulders(
    double? TiltDegrees,
    double? LeftDrop,
    double? RightDrop,
    MatteShoulders.Reach Left,
    MatteShoulders.Reach Right)
{
    /// <summary>Where the body's width is read, face widths below the chin along the head's axis.</summary>
    public const double BodyDepth = 0.25;

    /// <summary>Farthest a side is followed, face widths from the axis.</summary>
    public const double MaxReach = 2.0;

    private const float Person = 0.5f;

    /// <summary>The body's width <see cref="BodyDepth"/> below the chin, face widths.</summary>
    public double BodyWidth => Left.Distance + Right.Distance;

    /// <summary>How far one side of the body reaches from the axis, and whether the photo's edge, not the background,
    /// ended it.</summary>
    public readonly record struct Reach(double Distance, bool Cut);

    /// <summary>
    /// Reads the matte of the original (<paramref name="matte"/>) around <paramref name="face"/> (source coordinates,
    /// 68 landmarks), with the eye line at <paramref name="rollDegrees"/> (the rotation the fix applies). Null when the
    /// face has no landmarks or the matte does not call the face a person.
    /// </summary>
    public static MatteShoulders? Read(PersonMask matte, ObservedFace face, double rollDegrees)
    {
        ArgumentNullException.ThrowIfNull(matte);
        ArgumentNullException.ThrowIfNull(face);
        double w = face.FaceWidth;
        PointF eyes = face.EyeMidpoint;
        if (!face.HasLandmarks || w < 8 || matte.At(eyes.X, eyes.Y) < Person)
        {
            return null;
        }

        ShoulderLine? line = rollDegrees == 0 ? ShoulderLine.FromPerson(matte, face) : ShoulderLine.FromPerson(
            Levelled(matte, eyes, rollDegrees), new ObservedFace { Box = face.Box, Landmarks = LandmarkGeometry.Levelled(face.Landmarks, eyes, rollDegrees) });
        double r = rollDegrees * Math.PI / 180.0, c = Math.Cos(r), s = Math.Sin(r);
        PointF chin = face.Chin;
        double depth = (BodyDepth * w) + (((chin.X - eyes.X) * -s) + ((chin.Y - eyes.Y) * c));
        var start = new PointF((float)(eyes.X - (s * depth)), (float)(eyes.Y + (c * depth)));
        Reach left = Walk(matte, start, -c, -s, MaxReach * w), right = Walk(matte, start, c, s, MaxReach * w);
        return new MatteShoulders(
            line?.TiltDegrees,
            line is null ? null : (line.LeftY - eyes.Y) / w,
            line is null ? null : (line.RightY - eyes.Y) / w,
            left with { Distance = left.Distance / w },
            right with { Distance = right.Distance / w });
    }

    /// <summary>
    /// The matte as the fix will render it: turned by -<paramref name="rollDegrees"/> about <paramref name="pivot"/> (the
    /// eye midpoint), on the same grid; cells whose point lies outside the original are background. The check's column
    /// reading is not rotation-invariant where shoulders slope (a whole figure turned by 12 degrees read 4.9 degrees
    /// off when the roll was merely subtracted), so the line is read in the levelled frame.
    /// </summary>
    private static PersonMask Levelled(PersonMask matte, PointF pivot, double rollDegrees)
    {
        int n = matte.Size;
        double cell = (double)matte.Side / n, r = rollDegrees * Math.PI / 180.0, c = Math.Cos(r), s = Math.Sin(r);
        var grid = new float[n * n];
        for (int gy = 0; gy < n; gy++)
        {
            double dy = ((gy + 0.5) * cell) - matte.PadTop - pivot.Y;
            for (int gx = 0; gx < n; gx++)
            {
                double dx = ((gx + 0.5) * cell) - matte.PadLeft - pivot.X;
                double sx = pivot.X + (c * dx) - (s * dy), sy = pivot.Y + (s * dx) + (c * dy);
                grid[(gy * n) + gx] = sx < 0 || sy < 0 || sx > matte.ImageWidth || sy > matte.ImageHeight ? 0f : matte.At(sx, sy);
            }
        }

        return PersonMask.FromGrid(grid, n, matte.ImageWidth, matte.ImageHeight);
    }

    /// <summary>
    /// How much of the body the crop would have to show beyond the original, face widths of the output: on the output's
    /// lower edge (<paramref name="valid"/>: 1 where an output pixel lies inside the original, <paramref name="map"/>:
    /// output to source), below the eye midpoint's column, the rows at the bottom that lie beyond the original while the
    /// person runs into its edge there (a close-up ending above the shoulders), and from that column outwards on the
    /// lowest row inside the original, on each side, the width left to the output's edge where the person runs into the
    /// original's edge rather than ending at the background (a body cut off at the side). 0 where nothing is missing.
    /// </summary>
    public static (double Bottom, double Left, double Right) Missing(PersonMask matte, AffineMap map, ReadOnlySpan<byte> valid, int width, int height, double eyeX, double faceWidth)
    {
        ArgumentNullException.ThrowIfNull(matte);
        int cx = Math.Clamp((int)eyeX, 0, width - 1);
        int y = height - 1;
        while (y >= 0 && valid[(y * width) + cx] == 0)
        {
            y--;
        }

        if (y < 0)
        {
            return (height / faceWidth, cx / faceWidth, (width - cx) / faceWidth);
        }

        double bottom = y < height - 1 && IsPerson(matte, map, cx, y) ? (height - 1 - y) / faceWidth : 0;
        return (bottom, CutWidth(matte, map, valid, width, cx, y, -1) / faceWidth, CutWidth(matte, map, valid, width, cx, y, +1) / faceWidth);
    }

    /// <summary>On row <paramref name="y"/> from column <paramref name="cx"/> outwards: the output's width beyond the
    /// original where the person runs into its edge, 0 where the person ends at the background first.</summary>
    private static int CutWidth(PersonMask matte, AffineMap map, ReadOnlySpan<byte> valid, int width, int cx, int y, int direction)
    {
        for (int x = cx; x >= 0 && x < width; x += direction)
        {
            if (valid[(y * width) + x] == 0)
            {
                return direction < 0 ? x + 1 : width - x;
            }

            if (!IsPerson(matte, map, x, y))
            {
                return 0;
            }
        }

        return 0;
    }

    private static bool IsPerson(PersonMask matte, AffineMap map, int x, int y)
    {
        (double sx, double sy) = map.Apply(x + 0.5, y + 0.5);
        return matte.At(sx, sy) >= Person;
    }

    /// <summary>
    /// From <paramref name="start"/> along the unit direction (<paramref name="dx"/>, <paramref name="dy"/>), source
    /// pixels: how far the person goes (probability at least one half) before the background, the photo's edge (then
    /// <see cref="Reach.Cut"/>) or <paramref name="limit"/>. A start off the photo is cut at 0, a start in the
    /// background ends at 0.
    /// </summary>
    public static Reach Walk(PersonMask matte, PointF start, double dx, double dy, double limit)
    {
        ArgumentNullException.ThrowIfNull(matte);
        double step = Math.Max(0.5, (double)matte.Side / matte.Size / 4);
        for (double t = 0; t <= limit; t += step)
        {
            double x = start.X + (dx * t), y = start.Y + (dy * t);
            if (x < 0 || y < 0 || x > matte.ImageWidth || y > matte.ImageHeight)
            {
                return new Reach(t, true);
            }

            if (matte.At(x, y) < Person)
            {
                return new Reach(t, false);
            }
        }

        return new Reach(limit, false);
    }
}
