using System.Globalization;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Imaging;
using SocialCard.Benchmarks.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Thread-CPU time of each stage of one TinyFaceDetector pass (input preparation, conv0 with its pool, each separable layer's depthwise
/// and pointwise halves, the pools, conv8), one core, median of 180 runs after 20 warm-ups, on the compliant devset
/// photo: where the detector's time goes at a given input size, and per convolution its multiply-adds, the rate it
/// reaches and the time it loses against the core's FMA rate (<see cref="StageTimes.MeasurePeakGmacs"/>). Run:
/// <c>DOTNET_TieredCompilation=0 dotnet run -c Release --project bench/SocialCard.Benchmarks -- detector-stages [size=160]</c>
/// (without tiered compilation, as the command line runs: with it, methods without <c>AggressiveOptimization</c> may be
/// timed in their on-stack-replacement code, e.g. the max pools 2-4x slower).
/// </summary>
internal static class DetectorStages
{
    public static void Run(string[] args)
    {
        if (OperatingSystem.IsLinux())
        {
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        int size = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 160;
        using RgbImage image = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        var model = models.Detector;
        var input = new float[size * size * 3];
        int s = size - 2;
        var a = new float[s * s * 512];
        var b = new float[s * s * 512];
        var dw = new float[s * s * 256];
        var im2col = new float[Conv2d.ScratchLength(s, 3)];
        var grid = new float[(size / 32) * (size / 32) * 25];
        var stages = new StageTimes(warmUpPasses: 20);
        void T(string n, Action act) => stages.Time(n, act);
        void M(string n, long macs, Action act) => stages.Time(n, macs, act);

        for (int run = 0; run < 200; run++)
        {
            stages.NextPass();
            T("prepare", () => ImageInput.Prepare(image, 0, 0, image.Width, image.Height, center: false, size, 117.001f, 114.697f, 97.404f, input));
            ConvWeights conv0 = model.Conv0;
            int p = Pooling.SameOut(s, 2);
            M("conv0+pool0", (long)s * s * 16 * 27, () =>
            {
                // As the runner does: a band of rows at a time, pooled from the band.
                for (int py = 0; py < p; py += TinyFaceDetectorRunner.BandPooledRows)
                {
                    int r0 = 2 * py, r1 = Math.Min(s, r0 + (2 * TinyFaceDetectorRunner.BandPooledRows));
                    Span<float> band = a.AsSpan(0, (r1 - r0) * s * 16);
                    Conv2d.Conv3x3Rows(input, size, size, 3, conv0.Filters, conv0.Bias, 16, 1, 0, 0, s, s, r0, r1, band, Activation.Leaky, im2col);
                    Pooling.MaxPool2x2(band, r1 - r0, s, 16, 2, b.AsSpan(py * p * 16));
                }
            });
            for (int i = 0; i < 5; i++)
            {
                SeparableConvWeights layer = model.Separable[i];
                int pp = p;
                M($"dw{i + 1} {pp}x{pp}x{layer.Cin}", (long)pp * pp * layer.Cin * 9, () => Depthwise.Conv3x3(b, pp, pp, layer.Cin, layer.Depthwise, 1, 1, 1, pp, pp, dw));
                M($"pw{i + 1} {layer.Cin}->{layer.Cout}", (long)pp * pp * layer.Cin * layer.Cout, () => Gemm.Run(dw.AsSpan(0, pp * pp * layer.Cin), pp * pp, layer.Cin, layer.Pointwise, layer.PointwisePanels, layer.Cout, layer.Bias, a, Activation.Leaky));
                int stride = i < 4 ? 2 : 1;
                T($"pool{i + 1}", () => Pooling.MaxPool2x2(a, pp, pp, layer.Cout, stride, b));
                p = Pooling.SameOut(p, stride);
            }
            ConvWeights conv8 = model.Conv8;
            int g = p;
            M("conv8", (long)g * g * conv8.Cin * conv8.Cout, () => Gemm.Run(b.AsSpan(0, g * g * conv8.Cin), g * g, conv8.Cin, conv8.Filters, conv8.Panels, conv8.Cout, conv8.Bias, grid, Activation.None));
        }
        stages.Print();
    }
}
