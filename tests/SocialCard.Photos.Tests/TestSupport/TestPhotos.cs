using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Tests.TestSupport;

internal static class TestPhotos
{
    public const string GoodName = "3205001234.jpg";

    public static SpecProfile Suzhou => SpecProfiles.Get(SpecProfiles.Suzhou);

    /// <summary>The labelled photos: <c>../shared/photos/devset</c> relative to the repository root.</summary>
    public static string DevsetDirectory { get; } = Path.GetFullPath(Path.Combine(TestFaceEngine.RepositoryRoot, "..", "shared", "photos", "devset"));

    /// <summary>Encodes as a 350 dpi JPEG (quality 92, 4:4:4 so colour edges stay put).</summary>
    public static byte[] Jpeg(RgbImage image, int quality = 92, int dpi = 350) =>
        JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = quality, DensityDpi = dpi, Subsampling = ChromaSubsampling.Chroma444 });

    public static byte[] Portrait(Action<RgbImage>? edit = null, SyntheticPortrait? portrait = null, int quality = 92)
    {
        using RgbImage image = (portrait ?? new SyntheticPortrait()).Render();
        edit?.Invoke(image);
        return Jpeg(image, quality);
    }

    public static PhotoContext Context(byte[] data, string name = GoodName, SpecProfile? profile = null) =>
        PhotoContext.Create(data, name, profile ?? Suzhou);

    /// <summary>Evaluates one rule on a photo under the Suzhou profile.</summary>
    public static RuleFinding Evaluate(IPhotoRule rule, byte[] data, string name = GoodName, SpecProfile? profile = null)
    {
        SpecProfile p = profile ?? Suzhou;
        using PhotoContext context = PhotoContext.Create(data, name, p);
        return rule.Evaluate(context, p);
    }

    /// <summary>A 24-bit bottom-up BMP of the image (for file.format tests).</summary>
    public static byte[] Bmp(RgbImage image)
    {
        int rowBytes = ((image.Width * 3) + 3) & ~3;
        int size = 54 + (rowBytes * image.Height);
        var bytes = new byte[size];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BitConverter.TryWriteBytes(bytes.AsSpan(2), size);
        BitConverter.TryWriteBytes(bytes.AsSpan(10), 54);
        BitConverter.TryWriteBytes(bytes.AsSpan(14), 40);
        BitConverter.TryWriteBytes(bytes.AsSpan(18), image.Width);
        BitConverter.TryWriteBytes(bytes.AsSpan(22), image.Height);
        BitConverter.TryWriteBytes(bytes.AsSpan(26), (short)1);
        BitConverter.TryWriteBytes(bytes.AsSpan(28), (short)24);
        BitConverter.TryWriteBytes(bytes.AsSpan(38), 13780);
        BitConverter.TryWriteBytes(bytes.AsSpan(42), 13780);
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<byte> row = image.Row(image.Height - 1 - y);
            int o = 54 + (y * rowBytes);
            for (int x = 0; x < image.Width; x++)
            {
                bytes[o + (3 * x)] = row[(3 * x) + 2];
                bytes[o + (3 * x) + 1] = row[(3 * x) + 1];
                bytes[o + (3 * x) + 2] = row[3 * x];
            }
        }

        return bytes;
    }
}
