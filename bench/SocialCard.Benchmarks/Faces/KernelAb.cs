using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// A kernel path against the one it replaced, interleaved in one process: for the dense nets' four pointwise GEMM shapes
/// alone (random operands, weights packed as at load), each network pass (the 68-point and
/// expression nets on the compliant photo's crop, the detector at 160 and 352, the segmentation net's coarse 160 pass, the dense nets' input from that crop and the segmentation net's coarse input from the whole photo),
/// one pass with the switch off ("before"), one with it on ("after"), alternating which goes first, thread CPU, one
/// core; per round each case's median of <c>passes</c> pairs and the after/before ratio. Both paths give the same
/// values (the kernel tests assert it), so only the time differs. Run:
/// <c>DOTNET_TieredCompilation=0 dotnet run -c Release --project bench/SocialCard.Benchmarks -- kernel-ab SWITCH[,SWITCH...] [rounds=3] [passes=60]</c>
/// (without tiered compilation, as the command line runs), SWITCH
/// one of <c>panels</c> (<see cref="Gemm.UsePanels"/>: the 512-bit GEMM blocks read the weights packed at load) and
/// <c>narrow512</c> (<see cref="Gemm.UseNarrow512"/>: sixteen-column layers in 512-bit blocks) and <c>pool-bands</c>
/// (<see cref="TinyFaceDetectorRunner.PoolInBands"/>: the detector's first layer and its pool a band of rows at a time) and
/// <c>conv-eight</c> (<see cref="Conv2d.UseEightPixelBlocks"/>: a first layer's last windows of a row in 512-bit blocks) and
/// <c>dw-pairs</c> (<see cref="Depthwise.UseRowPairs"/>: stride-1 depthwise layers two output rows at a time) and
/// <c>average</c> (<see cref="Pooling.UseVectorAverage"/>: the dense nets' global average in 256-bit doubles) and
/// <c>rows-in-place</c> (<see cref="ImageInput.UseRowsInPlace"/>: an input's crop rows read in the image, not copied out) and
/// <c>dw-edges</c> (<see cref="Depthwise.UseEdgeRows"/>: a depthwise layer's top and bottom rows in 512-bit row steps) and
/// <c>narrow-columns</c> (<see cref="Gemm.UseNarrowColumns"/>: a GEMM's columns after the panels eight rows at a time) and
/// <c>dw-tail8</c> (<see cref="Depthwise.UseEightChannelTail"/>: depthwise layers of 24, 72, 88 channels in the row kernels), or
/// <c>resize-pairs</c> (<see cref="BilinearResize.UsePairs"/>: the segmentation net's upsampling blends the two output rows
/// between the same source rows in one pass), or another name of <see cref="KernelPaths.Names"/>, or <c>all</c> of them
/// at once. The first cases are single depthwise layers on random operands (<c>dwSIZExCHANNELSsSTRIDE</c>, 3x3 unless
/// named).
/// </summary>
internal static class KernelAb
{
    public static void Run(string[] args)
    {
        string name = args.Length > 1 ? args[1] : "panels";
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        int passes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 60;
        Action<bool>[] switches = [.. name.Split(',').Select(KernelPaths.Switch)];
        void set(bool on)
        {
            foreach (Action<bool> s in switches)
            {
                s(on);
            }
        }

        if (OperatingSystem.IsLinux())
        {
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        using RgbImage photo = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        var d160 = new TinyFaceDetectorRunner(models.Detector, 160);
        var d352 = new TinyFaceDetectorRunner(models.Detector, 352);
        var dense = new DenseFaceNetRunner();
        float[] input160 = new float[160 * 160 * 3];
        float[] input352 = new float[352 * 352 * 3];
        ImageInput.Prepare(photo, 0, 0, photo.Width, photo.Height, center: false, 352, 117.001f, 114.697f, 97.404f, input352);
        ImageInput.Prepare(photo, 80, 120, 200, 220, center: true, 112, 122.782f, 117.001f, 104.298f, dense.Input);
        var selfie = new SelfieSegmenter(SelfieSegmentationModel.Load(SelfieStages.ModelsDirectory()));
        (string Name, Action Pass) GemmCase(int rows, int k, int n)
        {
            var rng = new Random(rows + k + n);
            float[] x = [.. Enumerable.Range(0, rows * k).Select(_ => (float)rng.NextDouble() - 0.5f)];
            float[] w = [.. Enumerable.Range(0, k * n).Select(_ => (float)rng.NextDouble() - 0.5f)];
            float[] panels = Gemm.Panels(w, k, n), bias = new float[n], y = new float[rows * n];
            return (string.Create(CultureInfo.InvariantCulture, $"pw{rows}x{k}x{n}"), () => Gemm.Run(x, rows, k, w, panels, n, bias, y, Activation.Relu));
        }

        (string Name, Action Pass) DepthwiseCase(int size, int c, int stride, int k = 3)
        {
            var rng = new Random(size + c + k + stride);
            float[] x = [.. Enumerable.Range(0, size * size * c).Select(_ => (float)rng.NextDouble() - 0.5f)];
            float[] kernel = [.. Enumerable.Range(0, k * k * c).Select(_ => (float)rng.NextDouble() - 0.5f)];
            int outSize = (size + stride - 1) / stride, pad = Depthwise.SamePadBefore(size, stride, k);
            float[] y = new float[outSize * outSize * c];
            string name = k == 3
                ? string.Create(CultureInfo.InvariantCulture, $"dw{size}x{c}s{stride}")
                : string.Create(CultureInfo.InvariantCulture, $"dw{k}x{k}:{size}x{c}s{stride}");
            return (name, () => Depthwise.Conv(x, size, size, c, kernel, k, stride, pad, pad, outSize, outSize, y));
        }

        (string Name, Action Pass)[] cases =
        [
            DepthwiseCase(10, 240, 1, k: 5),
            DepthwiseCase(20, 96, 2, k: 5),
            DepthwiseCase(56, 32, 1),
            DepthwiseCase(56, 32, 2),
            DepthwiseCase(28, 64, 1),
            DepthwiseCase(14, 128, 1),
            DepthwiseCase(7, 256, 1),
            DepthwiseCase(79, 16, 1),
            DepthwiseCase(175, 16, 1),
            DepthwiseCase(88, 32, 1),
            DepthwiseCase(20, 64, 1),
            GemmCase(3136, 32, 32),
            GemmCase(784, 64, 64),
            GemmCase(196, 128, 128),
            GemmCase(49, 256, 256),
            ("Landmark68", () => dense.Run(models.Landmark68)),
            ("Expression", () => dense.Run(models.Expression)),
            ("Detector160", () => d160.Run(photo)),
            ("Detector352", () => d352.Run(photo)),
            ("Selfie160", () => selfie.SegmentCoarse(photo)),
            ("Input112", () => ImageInput.Prepare(photo, 80, 120, 200, 220, center: true, 112, 122.782f, 117.001f, 104.298f, dense.Input)),
            ("Input160", () => ImageInput.Prepare(photo, 0, 0, photo.Width, photo.Height, center: true, 160, 0f, 0f, 0f, input160)),
            ("Uniform352", () => Conv2d.UniformColumnsFrom(input352, 352, 352, 3)),
        ];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kernel-ab {name}, {rounds} rounds x {passes} pass pairs, thread CPU medians, ms, {DateTime.UtcNow:HH:mm}Z"));
        Console.WriteLine($"{"round",-6} {"case",-12} {"before",8} {"after",8} {"ratio",6}");
        var before = new double[passes];
        var after = new double[passes];
        for (int round = 1; round <= rounds; round++)
        {
            foreach ((string caseName, Action pass) in cases)
            {
                for (int i = 0; i < 10; i++)
                {
                    set(i % 2 == 0);
                    pass();
                }

                for (int i = 0; i < passes; i++)
                {
                    bool afterFirst = (i + round) % 2 == 0;
                    double first = Time(set, afterFirst, pass);
                    double second = Time(set, !afterFirst, pass);
                    after[i] = afterFirst ? first : second;
                    before[i] = afterFirst ? second : first;
                }

                Array.Sort(before);
                Array.Sort(after);
                double b = before[passes / 2], a = after[passes / 2];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{round,-6} {caseName,-12} {b,8:0.000} {a,8:0.000} {a / b,6:0.000}"));
            }
        }

        set(true);
    }

    private static double Time(Action<bool> set, bool on, Action pass)
    {
        set(on);
        double t0 = ThreadCpuClock.NowMilliseconds();
        pass();
        return ThreadCpuClock.NowMilliseconds() - t0;
    }
}
