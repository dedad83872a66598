namespace SocialCard.Imaging.Tests.TestUtilities;

/// <summary>Deterministic synthetic images for tests.</summary>
internal static class TestImages
{
    /// <summary>A smooth colour gradient with a dark square, so orientation and resizing are observable.</summary>
    public static RgbImage Gradient(int width, int height)
    {
        var image = new RgbImage(width, height);
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = image.Row(y);
            for (int x = 0; x < width; x++)
            {
                row[(x * 3) + 0] = (byte)(x * 255 / Math.Max(1, width - 1));
                row[(x * 3) + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                row[(x * 3) + 2] = (byte)(((x + y) * 255) / Math.Max(1, width + height - 2));
            }
        }

        return image;
    }

    /// <summary>Uniformly random pixels from a fixed seed.</summary>
    public static RgbImage Noise(int width, int height, int seed)
    {
        var image = new RgbImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    public static RgbImage Solid(int width, int height, byte r, byte g, byte b)
    {
        var image = new RgbImage(width, height);
        Span<byte> p = image.Pixels;
        for (int i = 0; i < p.Length; i += 3)
        {
            p[i] = r;
            p[i + 1] = g;
            p[i + 2] = b;
        }

        return image;
    }

    public static (byte R, byte G, byte B) PixelAt(RgbImage image, int x, int y)
    {
        Span<byte> row = image.Row(y);
        return (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
    }
}
