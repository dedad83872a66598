using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Processing.Resize;

namespace SocialCard.Photos.Tests.Robustness;

/// <summary>
/// A change a compliant photo may go through on its way to us without becoming non-compliant: re-saved at another JPEG
/// quality, resampled by 10% and back, white balance moved by about 300 K, exposure by 0.3 EV, a mild side light well
/// inside the uniformity limit, or the framing shifted by a few pixels. Each returns new JPEG bytes of the same pixel
/// size. <see cref="Touches"/> names the labels a variation acts on directly (an exposure change may honestly repair an
/// over-exposed photo), which the defect half of the suite leaves out.
/// </summary>
internal sealed record PhotoVariation(string Name, Func<RgbImage, RgbImage> Apply, int Quality, params string[] Touches)
{
    public static IReadOnlyList<PhotoVariation> All { get; } =
    [
        new("jpeg60", Same, 60),
        new("jpeg95", Same, 95),
        new("resample0.9", image => Resample(image, 0.9), 90),
        new("resample1.1", image => Resample(image, 1.1), 90),
        new("warmer300K", image => Gains(image, 1.04, 1.0, 0.95), 90, "color.cast", "color.grayscale"),
        new("cooler300K", image => Gains(image, 0.96, 1.0, 1.05), 90, "color.cast", "color.grayscale"),
        new("exposure+0.3EV", image => Exposure(image, 0.3), 90, "exposure.under", "exposure.over", "contrast.low", "contrast.high"),
        new("exposure-0.3EV", image => Exposure(image, -0.3), 90, "exposure.under", "exposure.over", "contrast.low", "contrast.high"),
        new("sidelight", SideLight, 90, "lighting.uneven"),
        new("shift", image => Shift(image, 4, 3), 90, "face.position"),
    ];

    public byte[] Bytes(byte[] original)
    {
        using RgbImage decoded = ImageDecoder.Decode(original);
        using RgbImage changed = Apply(decoded);
        return JpegEncoder.Encode(changed, new JpegEncoderOptions { Quality = Quality });
    }

    private static RgbImage Same(RgbImage image) => RgbImage.FromRgb(image.Pixels, image.Width, image.Height);

    private static RgbImage Resample(RgbImage image, double scale)
    {
        using RgbImage scaled = Resizer.Resize(image, (int)Math.Round(image.Width * scale), (int)Math.Round(image.Height * scale));
        return Resizer.Resize(scaled, image.Width, image.Height);
    }

    /// <summary>Per-channel gains in linear light (a white balance shift of about 300 K near daylight).</summary>
    private static RgbImage Gains(RgbImage image, double r, double g, double b) => MapLinear(image, (_, c, v) => v * (c == 0 ? r : c == 1 ? g : b));

    private static RgbImage Exposure(RgbImage image, double ev) => MapLinear(image, (_, _, v) => v * Math.Pow(2, ev));

    /// <summary>Light falling off towards the image's left edge: 12% less light at the left edge, none on the right half.</summary>
    private static RgbImage SideLight(RgbImage image) =>
        MapLinear(image, (x, _, v) => v * (1 - (0.12 * Math.Max(0, 1 - (2.0 * x / image.Width)))));

    /// <summary>The picture moved right and down by a few pixels, the uncovered edge filled with the background's white.</summary>
    private static RgbImage Shift(RgbImage image, int dx, int dy)
    {
        RgbImage copy = Same(image);
        for (int y = 0; y < image.Height; y++)
        {
            Span<byte> row = copy.Row(y);
            int sy = y - dy;
            for (int x = 0; x < image.Width; x++)
            {
                int sx = x - dx;
                for (int c = 0; c < 3; c++)
                {
                    row[(3 * x) + c] = sx < 0 || sy < 0 ? (byte)255 : image.Row(sy)[(3 * sx) + c];
                }
            }
        }

        return copy;
    }

    private static RgbImage MapLinear(RgbImage image, Func<int, int, double, double> f)
    {
        RgbImage copy = Same(image);
        for (int y = 0; y < copy.Height; y++)
        {
            Span<byte> row = copy.Row(y);
            for (int x = 0; x < copy.Width; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    double linear = Math.Pow(row[(3 * x) + c] / 255.0, 2.2);
                    row[(3 * x) + c] = (byte)Math.Clamp(Math.Round(255 * Math.Pow(Math.Min(1, f(x, c, linear)), 1 / 2.2)), 0, 255);
                }
            }
        }

        return copy;
    }
}
