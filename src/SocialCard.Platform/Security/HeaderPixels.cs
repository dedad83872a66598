using SocialCard.Imaging;
using SocialCard.Imaging.Inspection;
using SocialCard.Photos;

namespace SocialCard.Platform.Security;

/// <summary>
/// The pixel budget of an upload, read from the container header before anything is decoded (JPEG, PNG, BMP, HEIC):
/// a small file can declare a huge image (a 36 MP PNG of one colour zips to a few kilobytes), and decoding it costs
/// memory whatever the file size. Every upload path (zip, single photo, wizard, API) asks this first.
/// </summary>
public static class HeaderPixels
{
    /// <summary>Default budget: 25 MP, above a 24 MP phone camera photo, below what amplifies memory; the checker
    /// decodes no more (<see cref="PhotoChecker.DefaultDecodeOptions"/>).</summary>
    public static readonly long DefaultMaxPixels = PhotoChecker.DefaultDecodeOptions.MaxPixels;

    /// <summary>Default for JPEGs, which the checker decodes scaled down to the budget: 100 MP.</summary>
    public static readonly long DefaultMaxScaledJpegPixels = PhotoChecker.DefaultDecodeOptions.MaxScaledJpegPixels;

    /// <summary>
    /// True when the header declares more than <paramref name="maxPixels"/> pixels, or, for a JPEG (decoded scaled
    /// down to the budget, never in full), more than <paramref name="maxScaledJpegPixels"/>; the size is returned.
    /// </summary>
    public static bool Exceeds(ReadOnlySpan<byte> data, long maxPixels, long maxScaledJpegPixels, out int width, out int height)
    {
        ContainerInfo info = ContainerInspector.Inspect(data);
        width = info.Width;
        height = info.Height;
        return (long)Math.Max(width, 0) * Math.Max(height, 0) > Limit(info.Format, maxPixels, maxScaledJpegPixels);
    }

    /// <summary>The pixel limit that applies to a file of <paramref name="format"/>.</summary>
    public static long Limit(ImageFormat format, long maxPixels, long maxScaledJpegPixels) =>
        format == ImageFormat.Jpeg ? Math.Max(maxPixels, maxScaledJpegPixels) : maxPixels;

    /// <summary><see cref="Exceeds(ReadOnlySpan{byte}, long, long, out int, out int)"/> with the default limits.</summary>
    public static bool Exceeds(ReadOnlySpan<byte> data, out int width, out int height) =>
        Exceeds(data, DefaultMaxPixels, DefaultMaxScaledJpegPixels, out width, out height);

    /// <summary>"6000×6000 (36.0 MP)", for messages.</summary>
    public static string Describe(int width, int height) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{width}×{height} ({(long)width * height / 1_000_000.0:0.0} MP)");
}
