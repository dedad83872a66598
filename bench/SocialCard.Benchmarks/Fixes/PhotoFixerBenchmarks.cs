using BenchmarkDotNet.Attributes;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Benchmarks.Fixes;

/// <summary>
/// Fix time of one photo on one core (<see cref="OneCoreConfig"/>; re-check excluded: it is the checker's cost): a
/// 1200 px devset original and a 12 MP (4000x3000, 4:3) photo made by upscaling an original onto a wider canvas. The
/// 12 MP photo is decoded at 1/4 by DCT scaling (1000x750), the face found on that (square-window fallback of the
/// tiny detector), and everything after the crop works on the 358x441 output only.
/// Run: dotnet run -c Release --project bench/SocialCard.Benchmarks -- --filter '*PhotoFixer*'
/// </summary>
[Config(typeof(OneCoreConfig))]
public class PhotoFixerBenchmarks
{
    private PhotoFixer _fixer = null!;
    private SpecProfile _profile = null!;
    private byte[] _original = null!;
    private byte[] _twelveMp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fixer = new PhotoFixer(CheckerFaceDetector.LoadDefault(), null, new FixOptions { Recheck = false });
        _profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        _original = File.ReadAllBytes(Path.Combine(BenchPaths.DevsetOriginals, "frl_london_013.jpg"));
        _twelveMp = TwelveMegapixel(_original);

        // A benchmark of a refusal would be meaningless: both inputs must go through the whole pipeline.
        foreach (byte[] input in (byte[][])[_original, _twelveMp])
        {
            FixResult r = _fixer.Fix(input, "a.jpg", _profile);
            if (r.Jpeg is null)
            {
                throw new InvalidOperationException("benchmark input refused: " + r.Refusal);
            }
        }
    }

    /// <summary>A 12 MP phone-sized JPEG (4000x3000, q90) of <paramref name="original"/>: upscaled onto a wider canvas
    /// whose sides repeat the original's edge columns.</summary>
    internal static byte[] TwelveMegapixel(byte[] original)
    {
        using RgbImage src = ImageDecoder.Decode(original);
        using var big = new RgbImage(4000, 3000);
        Span<byte> d = big.Pixels;
        ReadOnlySpan<byte> s = src.Pixels;
        for (int y = 0; y < 3000; y++)
        {
            int sy = Math.Min(src.Height - 1, y * src.Height / 3000);
            for (int x = 0; x < 4000; x++)
            {
                int sx = Math.Clamp(((x - 500) * src.Height / 3000), 0, src.Width - 1);
                int di = ((y * 4000) + x) * 3, si = ((sy * src.Width) + sx) * 3;
                d[di] = s[si];
                d[di + 1] = s[si + 1];
                d[di + 2] = s[si + 2];
            }
        }
        return JpegEncoder.Encode(big, new JpegEncoderOptions { Quality = 90 });
    }

    [Benchmark(Baseline = true)]
    public byte[]? Fix1200() => _fixer.Fix(_original, "a.jpg", _profile).Jpeg;

    [Benchmark]
    public byte[]? Fix12MP() => _fixer.Fix(_twelveMp, "a.jpg", _profile).Jpeg;
}
