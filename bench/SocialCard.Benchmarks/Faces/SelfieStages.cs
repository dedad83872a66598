using System.Globalization;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.SelfieSegmentation;
using SocialCard.Faces.Weights;
using SocialCard.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Thread-CPU time of the selfie segmentation network per kind of step (1x1 and 3x3 convolutions, depthwise 3x3/5x5,
/// pools, resizes, element-wise ops) and in total, one core (affinity to CPU 0), median of 180 passes after 20 warm-ups,
/// on the 358x441 devset photo; plus the multiply-adds of the convolutions; the product's graph (element-wise chains
/// fused) and the graph with every step on its own, interleaved pass by pass. Run:
/// <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- selfie-stages [steps]</c> (<c>steps</c> lists the
/// compiled steps with their shapes first).
/// </summary>
internal static class SelfieStages
{
    public static void Run(string[] args)
    {
        bool listSteps = args.Contains("steps");
        if (OperatingSystem.IsLinux())
        {
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        using RgbImage photo = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        SelfieSegmentationModel model = SelfieSegmentationModel.Load(ModelsDirectory());
        SelfieGraph plain = SelfieGraph.Load(ModelLocator.Locate(ModelsDirectory(), SelfieGraph.FolderName), null, fuse: false);
        var fusedStages = new StageTimes(warmUpPasses: 20);
        var plainStages = new StageTimes(warmUpPasses: 20);
        long macs = 0;
        foreach (GraphStep s in model.Graph.Steps)
        {
            macs += s.Op switch
            {
                GraphOp.Convolution => (long)s.Out.Length * s.In.C * s.Kernel * s.Kernel,
                GraphOp.Depthwise => (long)s.Out.Length * s.Kernel * s.Kernel,
                GraphOp.TransposedConvolution => (long)s.Out.Length * s.In.C,
                _ => 0,
            };
        }

        if (listSteps)
        {
            foreach (GraphStep s in model.Graph.Steps)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Op,-22} k{s.Kernel} {s.In} -> {s.Out} inputs [{string.Join(',', s.Inputs)}] -> {s.Output}; before {string.Join(',', s.Prologue.Select(p => p.Op))} after {string.Join(',', s.Epilogue.Select(p => p.Op))}"));
            }
        }

        var fusedWs = new SelfieWorkspace(model.Graph);
        var plainWs = new SelfieWorkspace(plain);
        for (int pass = 0; pass < 200; pass++)
        {
            Pass(photo, model.Graph, fusedWs, fusedStages);
            Pass(photo, plain, plainWs, plainStages);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"selfie segmentation: {model.Graph.Steps.Count} steps ({plain.Steps.Count} unfused), {macs / 1e6:F1}M multiply-adds"));
        Console.WriteLine("fused element-wise chains (the product):");
        fusedStages.Print();
        Console.WriteLine("every step on its own (interleaved pass by pass with the above):");
        plainStages.Print();
    }

    private static void Pass(RgbImage photo, SelfieGraph graph, SelfieWorkspace ws, StageTimes stages)
    {
        stages.NextPass();
        stages.Time("input 256", () => ImageInput.Prepare(photo, 0, 0, photo.Width, photo.Height, true, SelfieGraph.InputSize, 0f, 0f, 0f, ws.Values[0]));
        foreach (GraphStep s in graph.Steps)
        {
            string name = s.Op switch
            {
                GraphOp.Convolution => $"conv {s.Kernel}x{s.Kernel}",
                GraphOp.Depthwise => $"depthwise {s.Kernel}x{s.Kernel}",
                GraphOp.AddPerChannel when s.Activation == Activation.Relu => "AddPerChannel+Relu",
                GraphOp.HardSwish when s.Bias.Length > 0 => "AddPerChannel+HardSwish",
                _ => s.Op.ToString(),
            };
            stages.Time(name, () => SelfieSegmenter.RunStep(s, ws));
        }
    }

    /// <summary>The <c>models</c> folder holding <c>selfie/</c>: $SOCIALCARD_MODELS, else the face weights' parent.</summary>
    public static string? ModelsDirectory() =>
        Environment.GetEnvironmentVariable("SOCIALCARD_MODELS") is { Length: > 0 } env ? env
            : FaceBenchInputs.ModelsDirectory() is { } faceApi ? Path.GetDirectoryName(faceApi) : null;
}
