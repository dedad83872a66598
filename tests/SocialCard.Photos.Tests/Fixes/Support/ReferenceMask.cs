using System.Globalization;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>The hand-checked person masks under the fix tests' data folder (<c>mask_&lt;person&gt;.rle</c>): a first line
/// "width height", then alternating run lengths of background (0) and person (1) in row order.</summary>
internal static class ReferenceMask
{
    public static byte[] Read(string path, out int width, out int height)
    {
        string[] lines = File.ReadAllLines(path);
        string[] size = lines[0].Split(' ');
        width = int.Parse(size[0], CultureInfo.InvariantCulture);
        height = int.Parse(size[1], CultureInfo.InvariantCulture);
        var mask = new byte[width * height];
        int at = 0;
        byte value = 0;
        foreach (string run in lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int n = int.Parse(run, CultureInfo.InvariantCulture);
            mask.AsSpan(at, n).Fill(value);
            at += n;
            value ^= 1;
        }

        if (at != mask.Length)
        {
            throw new InvalidDataException($"{path}: runs cover {at} pixels, the mask has {mask.Length}");
        }

        return mask;
    }
}
