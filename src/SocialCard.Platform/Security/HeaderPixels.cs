using SocialCard.Imaging.Inspection;

namespace SocialCard.Platform.Security;

/// <summary>
/// The pixel budget of an upload, read from the container header before anything is decoded (JPEG, PNG, BMP, HEIC):
/// a small file can declare a huge image (a 36 MP PNG of one colour zips to a few kilobytes), and decoding it costs
/// memory whatever the file size. Every upload path (zip, single photo, wizard, API) asks this first.
/// </summary>
public static class HeaderPixels
{
    /// <summary>Default budget: 25 MP, above a 24 MP phone camera photo, below what amplifies memory.</summary>
    public const long DefaultMaxPixels = 25_000_000;

    /// <summary>True when the header declares more than <paramref name="maxPixels"/> pixels; the size is returned.</summary>
    public static bool Exceeds(ReadOnlySpan<byte> data, long maxPixels, out int width, out int height)
    {
        ContainerInfo info = ContainerInspector.Inspect(data);
        width = info.Width;
        height = info.Height;
        return (long)Math.Max(width, 0) * Math.Max(height, 0) > maxPixels;
    }

    /// <summary>"6000×6000 (36.0 MP)", for messages.</summary>
    public static string Describe(int width, int height) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{width}×{height} ({(long)width * height / 1_000_000.0:0.0} MP)");
}
