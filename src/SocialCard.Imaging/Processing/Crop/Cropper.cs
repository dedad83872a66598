namespace SocialCard.Imaging.Processing.Crop;

/// <summary>Cuts a rectangle out of an image; <see cref="CropOrPad"/> also allows rectangles reaching past the edges;
/// <see cref="SquareByEdges"/> widens an image to a square with copies of its edge rows or columns.</summary>
public static class Cropper
{
    /// <summary>The rectangle must lie inside the image.</summary>
    public static RgbImage Crop(RgbImage source, int x, int y, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (x < 0 || y < 0 || (long)x + width > source.Width || (long)y + height > source.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Crop {x},{y} {width}x{height} is outside the {source.Width}x{source.Height} image.");
        }

        var result = new RgbImage(width, height);
        for (int row = 0; row < height; row++)
        {
            source.Row(y + row).Slice(x * 3, width * 3).CopyTo(result.Row(row));
        }

        return result;
    }

    /// <summary>Like <see cref="Crop"/>, but the parts of the rectangle outside the image are painted <paramref name="fill"/>.</summary>
    public static RgbImage CropOrPad(RgbImage source, int x, int y, int width, int height, RgbColor fill)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var result = new RgbImage(width, height);
        Span<byte> all = result.Pixels;
        for (int i = 0; i < all.Length; i += 3)
        {
            all[i] = fill.R;
            all[i + 1] = fill.G;
            all[i + 2] = fill.B;
        }

        int fromX = Math.Max(0, x);
        int toX = (int)Math.Min(source.Width, (long)x + width);
        int fromY = Math.Max(0, y);
        int toY = (int)Math.Min(source.Height, (long)y + height);
        if (fromX >= toX || fromY >= toY)
        {
            return result;
        }

        for (int sy = fromY; sy < toY; sy++)
        {
            source.Row(sy).Slice(fromX * 3, (toX - fromX) * 3).CopyTo(result.Row(sy - y)[((fromX - x) * 3)..]);
        }

        return result;
    }

    /// <summary>
    /// The image centred in a square of its longer side, the added columns (or rows) copies of its nearest edge column
    /// (or row), so what the frame cuts (shoulders, a wall) goes on instead of meeting a flat border.
    /// <paramref name="offset"/> is the number of columns (or rows) added before the image.
    /// </summary>
    public static RgbImage SquareByEdges(RgbImage source, out int offset)
    {
        ArgumentNullException.ThrowIfNull(source);
        int w = source.Width, h = source.Height, side = Math.Max(w, h);
        offset = (side - Math.Min(w, h)) / 2;
        var result = new RgbImage(side, side);
        for (int y = 0; y < side; y++)
        {
            Span<byte> dst = result.Row(y);
            if (w >= h)
            {
                source.Row(Math.Clamp(y - offset, 0, h - 1)).CopyTo(dst);
                continue;
            }

            ReadOnlySpan<byte> src = source.Row(y);
            src.CopyTo(dst[(offset * 3)..]);
            for (int x = 0; x < offset; x++)
            {
                src[..3].CopyTo(dst.Slice(x * 3, 3));
            }

            for (int x = offset + w; x < side; x++)
            {
                src.Slice((w - 1) * 3, 3).CopyTo(dst.Slice(x * 3, 3));
            }
        }

        return result;
    }
}
