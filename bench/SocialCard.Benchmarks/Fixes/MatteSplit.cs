using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Crop;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Fixes.Segmentation;
using SocialCard.Photos.Fixes.Steps;
using SocialCard.Photos.Profiles;

namespace SocialCard.Benchmarks.Fixes;

/// <summary>
/// <c>-- matte-split [rounds]</c>: the background step of the 12 MP fix (<see cref="FixCpuProfile"/>'s photo) split
/// into the stages of <see cref="MatteSegmenter.Segment"/>, in thread CPU time (medians, ms), plus the sharpen step's
/// unsharp mask and the crop step's resampling.
/// </summary>
internal static class MatteSplit
{
    public static void Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var fixer = new PhotoFixer(CheckerFaceDetector.LoadDefault(), null, new FixOptions { Recheck = false });
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        byte[] original = File.ReadAllBytes(Path.Combine(BenchPaths.DevsetOriginals, "frl_london_013.jpg"));
        using var ctx = new FixContext(PhotoFixerBenchmarks.TwelveMegapixel(original), "a.jpg", profile, FixOptions.Default, null);
        foreach (IFixStep step in fixer.Steps)
        {
            if (step is BackgroundStep)
            {
                break;
            }

            step.Apply(ctx);
        }

        SelfieSegmenter network = InstalledSegmenter.Value!;
        RgbImage image = ctx.Output!;
        byte[] valid = ctx.Valid!;
        PersonMask matte = ctx.PersonProbability!;
        IReadOnlyList<System.Drawing.PointF> landmarks = ctx.OutputLandmarks!;
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        double t = 0;
        void Lap(string name)
        {
            double now = ThreadCpuClock.NowMilliseconds();
            (times.TryGetValue(name, out List<double>? l) ? l : times[name] = []).Add(now - t);
            t = now;
        }

        Console.WriteLine($"output {image.Width}x{image.Height}, source {ctx.Source!.Width}x{ctx.Source.Height}, map scale {ctx.Map!.Value.Scale:0.00}");
        for (int round = 0; round < rounds + 2; round++)
        {
            t = ThreadCpuClock.NowMilliseconds();
            int w = image.Width, h = image.Height, n = w * h;
            float[] prob = new float[n], high = new float[n], guide = new float[n];
            using (RgbImage square = Cropper.SquareByEdges(image, out int offset))
            {
                PersonMask close = network.Segment(square);
                Lap("close pass");
                (int ox, int oy) = w < h ? (offset, 0) : (0, offset);
                ReadOnlySpan<byte> px = image.Pixels;
                for (int y = 0; y < h; y++)
                {
                    for (int x = 0; x < w; x++)
                    {
                        int i = (y * w) + x;
                        guide[i] = ((0.299f * px[i * 3]) + (0.587f * px[(i * 3) + 1]) + (0.114f * px[(i * 3) + 2])) / 255f;
                        if (valid[i] == 0)
                        {
                            continue;
                        }

                        (double sx, double sy) = ctx.Map!.Value.Apply(x + 0.5, y + 0.5);
                        prob[i] = high[i] = matte.At(sx, sy);
                        float near = close.At(x + ox + 0.5, y + oy + 0.5);
                        prob[i] = Math.Min(prob[i], near);
                        high[i] = Math.Max(high[i], near);
                    }
                }
            }

            Lap("coarse matte");
            int[] palette = MatteCleanup.WallPalette(ctx.Source!, matte);
            Lap("WallPalette");
            PersonColours own = MatteCleanup.PersonPalette(image, valid, high, landmarks);
            Lap("PersonPalette");
            MatteCleanup.TrustClothes(image, valid, prob, high, landmarks, palette, own);
            Lap("TrustClothes");
            byte[] wallColoured = MatteCleanup.VetoWallColours(image, valid, prob, high, landmarks, palette, own);
            Lap("VetoWallColours");
            MatteCleanup.KeepFaceRegion(prob, w, h, LandmarkGeometry.EyeMid(landmarks));
            Lap("KeepFaceRegion");
            float[] refined = GuidedFilter.Filter(guide, prob, w, h, 3, 1e-3f);
            Lap("GuidedFilter");
            float[] alpha = new float[n];
            for (int i = 0; i < n; i++)
            {
                alpha[i] = valid[i] == 0 || wallColoured[i] != 0 ? 0f : Math.Clamp((refined[i] - 0.4f) / 0.2f, 0f, 1f);
            }

            MatteCleanup.DropLiftedWallColours(image, valid, prob, alpha, landmarks, own);
            Lap("DropLiftedWallColours");
            MatteCleanup.DropThinPieces(image, valid, prob, high, alpha, landmarks);
            Lap("DropThinPieces");
            SmoothWallPieces.Drop(image, valid, guide, prob, high, alpha, landmarks);
            Lap("SmoothWallPieces");
            MatteCleanup.KeepFaceRegion(alpha, w, h, LandmarkGeometry.EyeMid(landmarks), float.Epsilon);
            Lap("KeepFaceRegion 2");
            var clear = new float[n];
            for (int i = 0; i < n; i++)
            {
                clear[i] = alpha[i] <= 0f && valid[i] != 0 ? 1 : 0;
            }

            _ = BoxFilter.SelectedColourMeans(image.Pixels, clear, w, h, 12);
            Lap("LocalBackground means");
            var behind = new float[n * 3];
            ForegroundEstimator.Estimate(image, alpha, behind).Dispose();
            Lap("ForegroundEstimator");
            t = ThreadCpuClock.NowMilliseconds();
            var validCopy = new byte[n];
            SocialCard.Photos.Fixes.Pixels.AffineResampler.Warp(ctx.Source!, ctx.Map!.Value, w, h, (255, 255, 255), validCopy).Dispose();
            Lap("crop Warp");
            _ = WallSampler.FromSourceBorder(ctx.Source!, 100);
            Lap("crop WallSampler");
            for (int k = 0; k < 10; k++)
            {
                BoxFilter.Mean(prob, high, w, h, 12);
            }

            Lap("10 box means r12");
            for (int k = 0; k < 10; k++)
            {
                MatteCleanup.KeepFaceRegion(high, w, h, LandmarkGeometry.EyeMid(landmarks));
            }

            Lap("10 KeepFaceRegion");
            for (int k = 0; k < 10; k++)
            {
                _ = new float[n];
            }

            Lap("10 new float[n]");
            using (RgbImage copy = image.Clone())
            {
                t = ThreadCpuClock.NowMilliseconds();
                SharpenStep.UnsharpMask(copy, 2, 0.8f);
                Lap("UnsharpMask r2");
                _ = SharpenStep.Measure(copy, new SocialCard.Photos.Analysis.PixelRect(0, 0, w, h / 2));
                Lap("sharpen Measure");
            }
        }

        foreach ((string name, List<double> l) in times)
        {
            List<double> s = [.. l.Skip(2).Order()];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} {s[s.Count / 2],8:0.00}"));
        }
    }
}
