namespace SocialCard.Imaging.Processing.Crop;

/// <summary>Cuts a rectangle out of an image; <see cref="CropOrPad"/> also allows rectangles reaching past the edges.</summary>
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
}
