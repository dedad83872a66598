using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>
/// What a cheap cut-out app does to a portrait, made from devset photos: a hard binary mask with staircase edges
/// (the network's mask at block resolution, no soft edge: the old wall stays in the edge blocks), remnant stripes of a
/// flag beside the head, a blue halo around the hair, a skull cut flat above the brows.
/// </summary>
internal static class CheapCutOut
{
    public static SelfieSegmenter Segmenter => InstalledSegmenter.Value ?? throw new InvalidOperationException("models/selfie is not installed: run scripts/setup.d/25-selfie-model.sh");

    /// <summary>The photo cut out onto white with the network's mask taken at <paramref name="block"/> px blocks and
    /// scaled up without smoothing.</summary>
    public static RgbImage Blocky(RgbImage photo, int block)
    {
        PersonMask mask = Segmenter.Segment(photo);
        RgbImage result = Copy(photo);
        Span<byte> o = result.Pixels;
        for (int by = 0; by < photo.Height; by += block)
        {
            for (int bx = 0; bx < photo.Width; bx += block)
            {
                if (mask.At(bx + (block / 2.0), by + (block / 2.0)) >= 0.5f)
                {
                    continue;
                }

                for (int y = by; y < Math.Min(photo.Height, by + block); y++)
                {
                    o.Slice((y * result.Stride) + (bx * 3), Math.Min(block, photo.Width - bx) * 3).Fill(255);
                }
            }
        }

        return result;
    }

    /// <summary>Red and blue stripes (a flag left in place) in the white beside the head, from the hair top to the chin,
    /// <paramref name="width"/> px out from the head's side.</summary>
    public static RgbImage Stripes(RgbImage photo, ObservedFace face, int width)
    {
        RgbImage result = Copy(photo);
        Span<byte> o = result.Pixels;
        int chin = (int)face.Chin.Y, side = (int)(face.EyeMidpoint.X - (0.65 * face.FaceWidth));
        for (int y = 0; y < chin; y++)
        {
            bool red = (y / 12) % 2 == 0;
            for (int x = Math.Max(0, side - width); x < side; x++)
            {
                int i = (y * result.Stride) + (x * 3);
                if (Math.Min(o[i], Math.Min(o[i + 1], o[i + 2])) < 215)
                {
                    continue;
                }

                (o[i], o[i + 1], o[i + 2]) = red ? ((byte)190, (byte)30, (byte)45) : ((byte)40, (byte)50, (byte)120);
            }
        }

        return result;
    }

    /// <summary>A blue fringe <paramref name="ring"/> px wide in the white around the person above the eye line.</summary>
    public static RgbImage Halo(RgbImage photo, ObservedFace face, int ring)
    {
        PersonMask mask = Segmenter.Segment(photo);
        RgbImage result = Copy(photo);
        Span<byte> o = result.Pixels;
        int w = photo.Width;
        int rows = (int)face.EyeMidpoint.Y;
        for (int y = 0; y < rows; y++)
        {
            for (int x = 0; x < w; x++)
            {
                if (mask.At(x, y) >= 0.5f || !Near(mask, x, y, ring))
                {
                    continue;
                }

                int i = (y * result.Stride) + (x * 3);
                o[i] = (byte)((o[i] * 0.4) + (60 * 0.6));
                o[i + 1] = (byte)((o[i + 1] * 0.4) + (110 * 0.6));
                o[i + 2] = (byte)((o[i + 2] * 0.4) + (200 * 0.6));
            }
        }

        return result;
    }

    /// <summary>Everything above the row <paramref name="aboveEyes"/> face widths above the eyes made white.</summary>
    public static RgbImage FlatCut(RgbImage photo, ObservedFace face, double aboveEyes)
    {
        RgbImage result = Copy(photo);
        int row = Math.Max(0, (int)(face.EyeMidpoint.Y - (aboveEyes * face.FaceWidth)));
        result.Pixels[..(row * result.Stride)].Fill(255);
        return result;
    }

    private static bool Near(PersonMask mask, int x, int y, int r)
    {
        for (int dy = -r; dy <= r; dy++)
        {
            for (int dx = -r; dx <= r; dx++)
            {
                if ((dx * dx) + (dy * dy) <= r * r && mask.At(x + dx, y + dy) >= 0.5f)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static RgbImage Copy(RgbImage photo)
    {
        var copy = new RgbImage(photo.Width, photo.Height);
        photo.Pixels.CopyTo(copy.Pixels);
        return copy;
    }
}
