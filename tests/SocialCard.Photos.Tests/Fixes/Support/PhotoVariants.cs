using SocialCard.Imaging;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>The same photo come another way, as a robustness suite takes it: re-encoded at JPEG quality 75, scaled to
/// 80%, warmer or cooler light (red and blue 6% apart), 10% brighter or darker (each re-encoded at quality 92).</summary>
internal static class PhotoVariants
{
    public static readonly string[] Names = ["jpeg75", "scale80", "warm", "cool", "brighter", "darker"];

    /// <summary>The JPEG bytes of <paramref name="original"/> come the way named.</summary>
    public static byte[] Make(RgbImage original, string variant)
    {
        switch (variant)
        {
            case "jpeg75":
                return ImageEdits.Jpeg(original, 75);
            case "scale80":
                using (RgbImage small = ImageEdits.Resize(original, original.Width * 4 / 5, original.Height * 4 / 5))
                {
                    return ImageEdits.Jpeg(small, 92);
                }

            default:
                (float r, float g, float b) = variant switch
                {
                    "warm" => (1.03f, 1f, 0.97f),
                    "cool" => (0.97f, 1f, 1.03f),
                    "brighter" => (1.1f, 1.1f, 1.1f),
                    "darker" => (0.9f, 0.9f, 0.9f),
                    _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "no such variant"),
                };
                using (RgbImage lit = ImageEdits.Map(original, (pr, pg, pb) => (Scale(pr, r), Scale(pg, g), Scale(pb, b))))
                {
                    return ImageEdits.Jpeg(lit, 92);
                }
        }
    }

    private static byte Scale(byte v, float k) => (byte)Math.Clamp((v * k) + 0.5f, 0f, 255f);
}
