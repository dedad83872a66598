namespace SocialCard.Imaging.Processing.Orientation;

/// <summary>
/// Lossless flips and quarter turns, and the EXIF orientation (1-8) mapping onto them. Each returns a new image;
/// the source is left untouched.
/// </summary>
public static class OrientationTransform
{
    /// <summary>Turns an image stored with EXIF orientation <paramref name="orientation"/> upright (1 or unknown: a copy).</summary>
    public static RgbImage ApplyExifOrientation(RgbImage source, int orientation) => orientation switch
    {
        2 => FlipHorizontal(source),
        3 => Rotate180(source),
        4 => FlipVertical(source),
        5 => Transpose(source),
        6 => Rotate90Clockwise(source),
        7 => Transverse(source),
        8 => Rotate90CounterClockwise(source),
        _ => source.Clone(),
    };

    public static RgbImage FlipHorizontal(RgbImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int w = source.Width;
        var result = new RgbImage(w, source.Height);
        for (int y = 0; y < source.Height; y++)
        {
            Span<byte> src = source.Row(y);
            Span<byte> dst = result.Row(y);
            for (int x = 0; x < w; x++)
            {
                src.Slice((w - 1 - x) * 3, 3).CopyTo(dst.Slice(x * 3, 3));
            }
        }

        return result;
    }

    public static RgbImage FlipVertical(RgbImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = new RgbImage(source.Width, source.Height);
        for (int y = 0; y < source.Height; y++)
        {
            source.Row(source.Height - 1 - y).CopyTo(result.Row(y));
        }

        return result;
    }

    public static RgbImage Rotate180(RgbImage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        int w = source.Width;
        var result = new RgbImage(w, source.Height);
        for (int y = 0; y < source.Height; y++)
        {
            Span<byte> src = source.Row(source.Height - 1 - y);
            Span<byte> dst = result.Row(y);
            for (int x = 0; x < w; x++)
            {
                src.Slice((w - 1 - x) * 3, 3).CopyTo(dst.Slice(x * 3, 3));
            }
        }

        return result;
    }

    /// <summary>out(x, y) = in(y, x): mirror over the main diagonal (EXIF 5).</summary>
    public static RgbImage Transpose(RgbImage source) => Remap(source, static (x, y, w, h) => (y, x));

    /// <summary>out(x, y) = in(y, H-1-x) (EXIF 6).</summary>
    public static RgbImage Rotate90Clockwise(RgbImage source) => Remap(source, static (x, y, w, h) => (y, h - 1 - x));

    /// <summary>out(x, y) = in(W-1-y, H-1-x): mirror over the anti-diagonal (EXIF 7).</summary>
    public static RgbImage Transverse(RgbImage source) => Remap(source, static (x, y, w, h) => (w - 1 - y, h - 1 - x));

    /// <summary>out(x, y) = in(W-1-y, x) (EXIF 8).</summary>
    public static RgbImage Rotate90CounterClockwise(RgbImage source) => Remap(source, static (x, y, w, h) => (w - 1 - y, x));

    /// <summary>Quarter-turn remap: output is H x W; <paramref name="map"/> gives the source pixel of each output pixel.</summary>
    private static RgbImage Remap(RgbImage source, Func<int, int, int, int, (int X, int Y)> map)
    {
        ArgumentNullException.ThrowIfNull(source);
        int w = source.Width;
        int h = source.Height;
        var result = new RgbImage(h, w);
        Span<byte> src = source.Pixels;
        for (int y = 0; y < result.Height; y++)
        {
            Span<byte> dst = result.Row(y);

            // The source coordinates move linearly along an output row: find the step once.
            (int sx0, int sy0) = map(0, y, w, h);
            int start = (sy0 * w) + sx0;
            int step;
            if (result.Width > 1)
            {
                (int sx1, int sy1) = map(1, y, w, h);
                step = ((sy1 * w) + sx1) - start;
            }
            else
            {
                step = 0;
            }

            int offset = start * 3;
            int stride = step * 3;
            for (int x = 0; x < result.Width; x++, offset += stride)
            {
                dst[x * 3] = src[offset];
                dst[(x * 3) + 1] = src[offset + 1];
                dst[(x * 3) + 2] = src[offset + 2];
            }
        }

        return result;
    }
}
