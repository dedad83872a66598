using System.Drawing;
using SocialCard.Faces;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Fixes.Geometry;

/// <summary>
/// The person's shoulders and body as the segmentation network's matte of the original shows them, not the wall
/// contrast. <see cref="Tilt"/>: the check's own shoulder line (<see cref="ShoulderLine.FromPerson"/>: each side's upper
/// edge 0.5-0.9 face widths from the face axis, fitted robustly) on the matte turned as the fix turns the photo to level
/// the eyes, so its tilt is taken against the eye line, which is what stays after the fix levels the eyes (a photo
/// turned as a whole, head and shoulders together, reads level; a body turned under a straight head does not).
/// <see cref="Missing"/>: how much of the body the crop would have to show beyond the original. Lengths are in face
/// widths (jaw 0-16).
/// </summary>
internal static class MatteShoulders
{
    private const float Person = 0.5f;

    /// <summary>Distance from an original's edge within which the person counts as running into it, face widths of the
    /// output (about 11 px at the Suzhou size).</summary>
    private const double EdgeFade = 0.05;

    /// <summary>
    /// The shoulder line's tilt in degrees against the eye line (positive: the photo's right side lower), read on the
    /// matte of the original (<paramref name="matte"/>) around <paramref name="face"/> (source coordinates, 68
    /// landmarks), with the eye line at <paramref name="rollDegrees"/> (the rotation the fix applies). Null when the face
    /// has no landmarks, the matte does not call the face a person, or the line cannot be read.
    /// </summary>
    public static double? Tilt(PersonMask matte, ObservedFace face, double rollDegrees)
    {
        ArgumentNullException.ThrowIfNull(matte);
        ArgumentNullException.ThrowIfNull(face);
        PointF eyes = face.EyeMidpoint;
        if (!face.HasLandmarks || face.FaceWidth < 8 || matte.At(eyes.X, eyes.Y) < Person)
        {
            return null;
        }

        ShoulderLine? line = rollDegrees == 0 ? ShoulderLine.FromPerson(matte, face) : ShoulderLine.FromPerson(
            Levelled(matte, eyes, rollDegrees), new ObservedFace { Box = face.Box, Landmarks = LandmarkGeometry.Levelled(face.Landmarks, eyes, rollDegrees) });
        return line?.TiltDegrees;
    }

    /// <summary>
    /// The matte as the fix will render it: turned by -<paramref name="rollDegrees"/> about <paramref name="pivot"/> (the
    /// eye midpoint), on the same grid; cells whose point lies outside the original take the nearest edge's value, as the
    /// mask's own sampling does (as background, a few cells at a tightly framed photo's lower corners broke the reading's
    /// "solid below the shoulder" test and it gave up). The check's column
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
                grid[(gy * n) + gx] = matte.At(sx, sy);
            }
        }

        return PersonMask.FromGrid(grid, n, matte.ImageWidth, matte.ImageHeight);
    }

    /// <summary>
    /// How much of the body the crop would have to show beyond the original, face widths of the output
    /// (<paramref name="map"/>: output to source; an output pixel lies beyond the original where its centre maps outside
    /// it, also below its lower edge, where the resampler repeats the last row). <see cref="MissingBody.Below"/>: the
    /// rows at the bottom of the eye midpoint's column beyond the original while the person runs into its edge there (a
    /// close-up ending above the shoulders). From that column outwards on each side, while the person runs into the
    /// original's edge: <see cref="MissingBody.Corner"/>, the tallest run of rows beyond it at the bottom of a column
    /// (the corner a photo turned to level the eyes uncovers), and <see cref="MissingBody.Side"/>, the width of the
    /// columns wholly beyond it (a body cut off at the side); a side stops where the person ends at the background.
    /// </summary>
    public static MissingBody Missing(PersonMask matte, AffineMap map, int width, int height, double eyeX, double faceWidth)
    {
        ArgumentNullException.ThrowIfNull(matte);
        int cx = Math.Clamp((int)eyeX, 0, width - 1);
        // The network's probability fades over the last cells at a photo's edge: a person ending within this distance
        // of the original's edge runs into it.
        int fade = Math.Max(2, (int)Math.Ceiling(EdgeFade * faceWidth));
        int below = Beyond(matte, map, height, cx);
        if (below == height)
        {
            return new MissingBody(height / faceWidth, 0, 0, width / faceWidth, width / faceWidth);
        }

        double bottom = below > 0 && IsPerson(matte, map, cx, Math.Max(0, height - 1 - below - fade)) ? below / faceWidth : 0;
        (int leftCorner, int leftSide) = Side(-1);
        (int rightCorner, int rightSide) = Side(+1);
        return new MissingBody(bottom, leftCorner / faceWidth, rightCorner / faceWidth, leftSide / faceWidth, rightSide / faceWidth);

        (int Corner, int Side) Side(int direction)
        {
            int corner = 0;
            for (int x = cx; x >= 0 && x < width; x += direction)
            {
                int k = Beyond(matte, map, height, x);
                if (k == height)
                {
                    return (corner, direction < 0 ? x + 1 : width - x);
                }

                if (!IsPerson(matte, map, x, Math.Max(0, height - 1 - k - fade)))
                {
                    // Ended at the background, unless the original's side edge follows within the fade.
                    for (int j = 1, xx = x + direction; j <= fade && xx >= 0 && xx < width; j++, xx += direction)
                    {
                        if (Beyond(matte, map, height, xx) == height)
                        {
                            return (corner, direction < 0 ? xx + 1 : width - xx);
                        }
                    }

                    return (corner, 0);
                }

                corner = Math.Max(corner, k);
            }

            return (corner, 0);
        }
    }

    /// <summary>What <see cref="Missing"/> finds beyond the original, face widths of the output: below the head, and
    /// on each side (image left and right) the tallest corner and the columns wholly beyond.</summary>
    public readonly record struct MissingBody(double Below, double LeftCorner, double RightCorner, double LeftSide, double RightSide)
    {
        /// <summary>The taller corner of the two sides, face widths.</summary>
        public double Corner => Math.Max(LeftCorner, RightCorner);

        /// <summary>The wider run of columns of the two sides, face widths.</summary>
        public double Side => Math.Max(LeftSide, RightSide);
    }

    /// <summary>Rows at the bottom of output column <paramref name="x"/> whose centres lie beyond the original
    /// (<paramref name="height"/> when the whole column does).</summary>
    private static int Beyond(PersonMask matte, AffineMap map, int height, int x)
    {
        int k = 0;
        while (k < height && !Inside(matte, map, x, height - 1 - k))
        {
            k++;
        }

        return k;
    }

    private static bool Inside(PersonMask matte, AffineMap map, int x, int y)
    {
        (double sx, double sy) = map.Apply(x + 0.5, y + 0.5);
        return sx >= 0 && sx <= matte.ImageWidth && sy >= 0 && sy <= matte.ImageHeight;
    }

    private static bool IsPerson(PersonMask matte, AffineMap map, int x, int y)
    {
        (double sx, double sy) = map.Apply(x + 0.5, y + 0.5);
        return matte.At(sx, sy) >= Person;
    }
}
