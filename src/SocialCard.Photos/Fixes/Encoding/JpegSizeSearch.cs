using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;

namespace SocialCard.Photos.Fixes.Encoding;

/// <summary>
/// Finds a baseline JPEG encoding whose size falls inside [min, max] bytes by binary search over the quality (never by
/// padding): first 4:2:0 (smaller at a given quality), the highest quality whose size is at most max; if even quality
/// 100 stays under min, 4:4:4 (more chroma data) is searched the same way. Size grows with quality almost
/// monotonically; the search keeps the best in-window result it saw, so a small non-monotonic step cannot lose it.
/// </summary>
public static class JpegSizeSearch
{
    public const int MinQuality = 10;
    public const int MaxQuality = 100;

    /// <summary>One search outcome: the bytes (null when the window cannot be met), quality, subsampling, and the number
    /// of encodes it took.</summary>
    public sealed record Result(byte[]? Jpeg, int Quality, ChromaSubsampling Subsampling, int Encodes, long SmallestSize, long LargestSize)
    {
        public bool Success => Jpeg is not null;
    }

    public static Result Find(RgbImage image, long minBytes, long maxBytes, int dpi)
    {
        int encodes = 0;
        long smallest = long.MaxValue, largest = 0;
        foreach (ChromaSubsampling sub in (ReadOnlySpan<ChromaSubsampling>)[ChromaSubsampling.Chroma420, ChromaSubsampling.Chroma444])
        {
            int lo = MinQuality, hi = MaxQuality;
            byte[]? best = null;
            int bestQ = 0;
            while (lo <= hi)
            {
                int q = (lo + hi) / 2;
                byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = q, Subsampling = sub, DensityDpi = dpi });
                encodes++;
                smallest = Math.Min(smallest, jpeg.Length);
                largest = Math.Max(largest, jpeg.Length);
                if (jpeg.Length > maxBytes)
                {
                    hi = q - 1;
                }
                else
                {
                    if (jpeg.Length >= minBytes && q > bestQ)
                    {
                        best = jpeg;
                        bestQ = q;
                    }

                    lo = q + 1;
                }
            }

            if (best is not null)
            {
                return new Result(best, bestQ, sub, encodes, smallest, largest);
            }
        }

        return new Result(null, 0, ChromaSubsampling.Chroma420, encodes, smallest, largest);
    }
}
