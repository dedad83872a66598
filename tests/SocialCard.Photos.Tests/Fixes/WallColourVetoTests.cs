using System.Drawing;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Fixes.Segmentation;
using Xunit;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>The colour check of the cut-out's edge (<see cref="MatteCleanup.VetoWallColours"/>) on drawn scenes, with
/// the wall palette and the person's colours read as the separation reads them.</summary>
public sealed class WallColourVetoTests
{
    private static readonly byte[] s_red = [200, 30, 30];
    private static readonly byte[] s_navy = [20, 30, 80];
    private static readonly byte[] s_white = [255, 255, 255];

    /// <summary>
    /// A person cropped close to the left edge of the photo: the crop's columns beyond the photo are filled with a guessed
    /// wall colour (here the red of the person's own sleeve) and carry no network reading. Those columns are not wall the
    /// check may compare with: below the collar the red sleeve is judged against the real wall (white, above the
    /// shoulders) and the navy jacket beside it, and stays.
    /// </summary>
    [Fact]
    public void Columns_beyond_the_photo_are_not_samples_of_the_wall()
    {
        const int w = 240, h = 200, outside = 40, shoulders = 80;
        using var image = new RgbImage(w, h);
        byte[] valid = new byte[w * h];
        float[] prob = new float[w * h];
        Span<byte> px = image.Pixels;
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                bool person = x >= outside && x < 200 && y >= shoulders;
                valid[i] = x >= outside ? (byte)1 : (byte)0;
                prob[i] = person ? 1f : 0f;
                byte[] colour = x < outside ? s_red : !person ? s_white : x < outside + 12 ? s_red : s_navy;
                colour.CopyTo(px.Slice(i * 3, 3));
            }
        }

        float[] high = (float[])prob.Clone();
        PointF[] landmarks = Landmarks(chinY: 70, left: 100, right: 140);
        using RgbImage photo = Photo(image, outside);
        int[] palette = MatteCleanup.WallPalette(photo, Matte(prob, w, h, outside));
        byte[] vetoed = MatteCleanup.VetoWallColours(image, valid, prob, high, landmarks, palette, MatteCleanup.PersonPalette(image, valid, high, landmarks));

        int sleeve = 0;
        for (int y = shoulders; y < h; y++)
        {
            for (int x = outside; x < outside + 12; x++)
            {
                sleeve += vetoed[(y * w) + x];
            }
        }

        Assert.Equal(0, sleeve);
    }

    /// <summary>The photo itself: the crop without the columns beyond its left edge.</summary>
    private static RgbImage Photo(RgbImage crop, int outside)
    {
        var photo = new RgbImage(crop.Width - outside, crop.Height);
        for (int y = 0; y < crop.Height; y++)
        {
            crop.Row(y)[(outside * 3)..].CopyTo(photo.Row(y));
        }

        return photo;
    }

    /// <summary>The whole-photo pass's matte of that photo: the drawn probability on a grid of one cell per pixel
    /// (the photo is square).</summary>
    private static PersonMask Matte(float[] prob, int w, int h, int outside)
    {
        int side = w - outside;
        Assert.Equal(side, h);
        float[] grid = new float[side * side];
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                grid[(y * side) + x] = prob[(y * w) + x + outside];
            }
        }

        return PersonMask.FromGrid(grid, side, side, side);
    }

    /// <summary>68 points that give the chin row and the face width (points 0 and 16) the check reads.</summary>
    private static PointF[] Landmarks(float chinY, float left, float right)
    {
        var points = new PointF[68];
        for (int i = 0; i < points.Length; i++)
        {
            points[i] = new PointF((left + right) / 2, chinY - 20);
        }

        points[0] = new PointF(left, chinY - 30);
        points[16] = new PointF(right, chinY - 30);
        points[8] = new PointF((left + right) / 2, chinY);
        return points;
    }
}
