using System.Drawing;
using SocialCard.Faces;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes.Geometry;

namespace SocialCard.Photos.Tests.Fixes.Geometry;

/// <summary>
/// <see cref="MatteShoulders.Tilt"/> on drawn mattes (a head, a neck and a torso whose shoulder line is set, on the
/// network's 256 grid over a 600x800 photo, face width 160 px): the tilt against the eye line, and a whole figure turned
/// with its eyes.
/// </summary>
public sealed class MatteShouldersTests
{
    private const int Width = 600, Height = 800, Grid = 256;
    private const double Cx = 300, EyeY = 300, FaceWidth = 160;

    /// <summary>Shoulder edge 1.3 face widths below the eyes at 0.5 face widths out, dropping 0.25 per face width.</summary>
    private const double ShoulderDrop = 1.3, Slope = 0.25;

    [Fact]
    public void Level_shoulders_read_level() => Assert.InRange(Read(Draw(0, 0), 0), -0.5, 0.5);

    [Theory]
    [InlineData(10)]
    [InlineData(-10)]
    [InlineData(5)]
    public void A_tilted_shoulder_line_reads_its_angle_with_the_lower_side(double degrees)
    {
        Assert.InRange(Read(Draw(degrees, 0), 0), degrees - 1, degrees + 1);
    }

    /// <summary>Head and shoulders turned together (the whole photo rolled): level against the eye line, which the fix
    /// levels; read against a level eye line the same figure reads turned.</summary>
    [Theory]
    [InlineData(12)]
    [InlineData(-15)]
    public void A_whole_figure_turned_with_its_eyes_reads_level_against_the_eyes(double degrees)
    {
        Assert.InRange(Read(Draw(0, degrees), degrees), -1.5, 1.5);
        if (MatteShoulders.Tilt(Draw(0, degrees), Face(0), 0) is { } tilt)
        {
            // (at 15 degrees the columns cross too much of the turned neck and the reading gives up)
            Assert.Equal(Math.Sign(degrees), Math.Sign(tilt));
            Assert.True(Math.Abs(tilt) > Math.Abs(degrees) - 2, $"{tilt:0.0}");
        }
    }

    [Fact]
    public void No_reading_where_the_matte_misses_the_face()
    {
        PersonMask empty = PersonMask.FromGrid(new float[Grid * Grid], Grid, Width, Height);
        Assert.Null(MatteShoulders.Tilt(empty, Face(0), 0));
    }

    private static double Read(PersonMask matte, double roll) =>
        MatteShoulders.Tilt(matte, Face(roll), roll) ?? throw new InvalidOperationException("no reading");

    /// <summary>
    /// The drawn person: head ellipse, neck (0.3 face widths each side) and torso to the lower edge, whose upper edge
    /// sits <see cref="ShoulderDrop"/> below the eyes at 0.5 face widths out, slopes down by <see cref="Slope"/> outwards
    /// and tilts by <paramref name="shoulderTilt"/> (positive: right side lower); the whole figure turned by
    /// <paramref name="figureRoll"/> about the eye midpoint; <paramref name="extra"/> adds person.
    /// </summary>
    private static PersonMask Draw(double shoulderTilt, double figureRoll, Func<double, double, bool>? extra = null)
    {
        var grid = new float[Grid * Grid];
        double side = Math.Max(Width, Height), padLeft = (side - Width) / 2, cell = side / Grid;
        double r = figureRoll * Math.PI / 180, c = Math.Cos(r), s = Math.Sin(r), t = Math.Tan(shoulderTilt * Math.PI / 180);
        for (int gy = 0; gy < Grid; gy++)
        {
            for (int gx = 0; gx < Grid; gx++)
            {
                double x = ((gx + 0.5) * cell) - padLeft, y = (gy + 0.5) * cell;
                if (x < 0 || x >= Width || y < 0 || y >= Height)
                {
                    continue;
                }

                // Into the figure's own frame (unturn about the eye midpoint), face widths from the eyes.
                double dx = x - Cx, dy = y - EyeY;
                double u = ((c * dx) + (s * dy)) / FaceWidth, v = ((-s * dx) + (c * dy)) / FaceWidth;
                bool head = (u * u / (0.55 * 0.55)) + ((v - 0.05) * (v - 0.05) / (0.8 * 0.8)) <= 1;
                bool neck = Math.Abs(u) <= 0.3 && v >= 0 && v <= 1.6;
                double edge = ShoulderDrop + (Slope * Math.Max(0, Math.Abs(u) - 0.5)) + (u * t);
                bool torso = Math.Abs(u) <= 1.3 && v >= edge;
                grid[(gy * Grid) + gx] = head || neck || torso || extra?.Invoke(x, y) == true ? 1f : 0f;
            }
        }

        return PersonMask.FromGrid(grid, Grid, Width, Height);
    }

    /// <summary>68 landmarks of a face <see cref="FaceWidth"/> wide, eyes at (<see cref="Cx"/>, <see cref="EyeY"/>),
    /// chin 0.6 face widths below them, turned by <paramref name="roll"/> about the eye midpoint.</summary>
    private static ObservedFace Face(double roll)
    {
        var p = new PointF[68];
        double r = roll * Math.PI / 180, c = Math.Cos(r), s = Math.Sin(r);
        PointF At(double u, double v) => new((float)(Cx + (((c * u) - (s * v)) * FaceWidth)), (float)(EyeY + (((s * u) + (c * v)) * FaceWidth)));
        for (int i = 0; i < 68; i++)
        {
            p[i] = At(0, 0.3);
        }

        for (int i = 0; i <= 16; i++)
        {
            double a = Math.PI * i / 16;
            p[i] = At(-0.5 * Math.Cos(a), 0.6 * Math.Sin(a));
        }

        for (int i = 36; i < 42; i++)
        {
            p[i] = At(-0.2 + (0.03 * Math.Cos(i)), 0.02 * Math.Sin(i));
            p[i + 6] = At(0.2 + (0.03 * Math.Cos(i)), 0.02 * Math.Sin(i));
        }

        return new ObservedFace { Box = new RectangleF((float)(Cx - 80), (float)(EyeY - 80), 160, 200), Landmarks = p };
    }
}
