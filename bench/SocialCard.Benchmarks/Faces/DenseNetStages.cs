using System.Globalization;
using SocialCard.Benchmarks.Imaging;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models;
using SocialCard.Faces.Models.DenseFaceNet;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Thread-CPU time of each stage of one pass of the 68-point landmark net (the expression net has the same shape): the
/// first convolution, each separable layer's depthwise and pointwise halves (the latter with the block's skip sum, as the
/// runner takes it), pool and fc; one core, median
/// of 180 runs after 20 warm-ups, on a crop of the compliant devset photo; per convolution its multiply-adds, rate and time
/// lost against the core's FMA rate (<see cref="StageTimes.MeasurePeakGmacs"/>). The pass mirrors DenseFaceNetRunner.Run step
/// by step (keep the two in step). Run:
/// <c>DOTNET_TieredCompilation=0 dotnet run -c Release --project bench/SocialCard.Benchmarks -- dense-stages</c> (as the
/// command line runs; see <see cref="DetectorStages"/>); <c>dense-stages off=SWITCH[,SWITCH...]</c> runs with those kernel
/// path switches (<see cref="KernelPaths"/>) off, to compare a layer's time on either path run after run.
/// </summary>
internal static class DenseNetStages
{
    public static void Run(string[] args)
    {
        if (OperatingSystem.IsLinux())
        {
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        foreach (string off in args.Where(a => a.StartsWith("off=", StringComparison.Ordinal)).SelectMany(a => a[4..].Split(',')))
        {
            KernelPaths.Switch(off)(false);
        }

        using SocialCard.Imaging.RgbImage photo = SocialCard.Imaging.ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        FaceModels models = FaceModels.Load(FaceBenchInputs.ModelsDirectory());
        DenseFaceNetModel model = models.Landmark68;
        const int max = 56 * 56 * 32;
        var input = new float[112 * 112 * 3];
        ImageInput.Prepare(photo, 80, 120, 200, 220, center: true, 112, 122.782f, 117.001f, 104.298f, input);
        float[] o1 = new float[max], o2 = new float[max], o3 = new float[max], o4 = new float[max], tmp = new float[max], outA = new float[max], outB = new float[max], dw = new float[max];
        var im2col = new float[Conv2d.ScratchLength(56, 3)];
        var pooled = new float[256];
        var sums = new double[256];
        var fc = new float[136];
        var stages = new StageTimes(warmUpPasses: 20);
        void M(string n, long macs, Action act) => stages.Time(n, macs, act);

        void Sep(string n, float[] x, int h, SeparableConvWeights w, int stride, float[] y, Activation act)
        {
            int outH = SeparableConvolution.OutSize(h, stride);
            M(n + " dw", (long)outH * outH * w.Cin * 9, () => Depthwise.Conv3x3(x, h, h, w.Cin, w.Depthwise, stride, SeparableConvolution.PadBefore(h, stride), SeparableConvolution.PadBefore(h, stride), outH, outH, dw));
            M(n + " pw", (long)outH * outH * w.Cin * w.Cout, () => Gemm.Run(dw.AsSpan(0, outH * outH * w.Cin), outH * outH, w.Cin, w.Pointwise, w.PointwisePanels, w.Cout, w.Bias, y, act));
        }

        // A dense block's stride-1 conv and its skip sum (in the GEMM's stores, or after it with gemm-skip-sums off).
        void SepSum(string n, float[] x, int h, SeparableConvWeights w, float[] y, float[] s1, float[] s2, float[] s3, float[] sum, int size, int terms)
        {
            M(n + " dw", (long)h * h * w.Cin * 9, () => Depthwise.Conv3x3(x, h, h, w.Cin, w.Depthwise, 1, 1, 1, h, h, dw));
            M(n + " pw+sum", (long)h * h * w.Cin * w.Cout, () => Gemm.RunSkipSum(
                dw.AsSpan(0, h * h * w.Cin), h * h, w.Cin, w.Pointwise, w.PointwisePanels, w.Cout, w.Bias, y, s1.AsSpan(0, Math.Min(size, s1.Length)),
                s2.AsSpan(0, Math.Min(size, s2.Length)), s3.AsSpan(0, Math.Min(size, s3.Length)), sum, terms));
        }

        for (int run = 0; run < 200; run++)
        {
            stages.NextPass();
            float[] x = input;
            int h = 112, cin = 3;
            for (int b = 0; b < model.Blocks.Length; b++)
            {
                SeparableConvWeights[] convs = model.Blocks[b];
                int cout = b == 0 ? model.FirstConv.Cout : convs[0].Cout;
                if (b == 0)
                {
                    ConvWeights first = model.FirstConv;
                    int pad = SeparableConvolution.PadBefore(h, 2);
                    int outSize = SeparableConvolution.OutSize(h, 2);
                    float[] xi = x;
                    int hi = h;
                    M("b0 conv0", (long)outSize * outSize * cout * 9 * cin, () => Conv2d.Conv3x3(xi, hi, hi, cin, first.Filters, first.Bias, cout, 2, pad, pad, outSize, outSize, o1, Activation.Relu, im2col));
                }
                else
                {
                    Sep($"b{b} c0", x, h, convs[0], 2, o1, Activation.Relu);
                }

                h = SeparableConvolution.OutSize(h, 2);
                int n = h * h * cout;
                float[] output = b % 2 == 0 ? outA : outB;
                SepSum($"b{b} c1", o1, h, convs[1], o2, o1, [], [], tmp, n, 2);
                SepSum($"b{b} c2", tmp, h, convs[2], o3, o1, o2, [], tmp, n, 3);
                SepSum($"b{b} c3", tmp, h, convs[3], o4, o1, o2, o3, output, n, 4);
                x = output;
                cin = cout;
            }

            int hh = h, cc = cin;
            float[] last = x;
            M("pool", (long)cc * hh * hh, () => Pooling.GlobalAverage(last, hh * hh, cc, pooled, sums));
            M("fc", (long)cc * model.FcOut, () => Gemm.Run(pooled.AsSpan(0, cc), 1, cc, model.FcWeights, model.FcOut, model.FcBias, fc, Activation.None));
        }

        stages.Print();
    }
}
