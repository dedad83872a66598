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
/// fused, values sharing arrays), the same graph with an array per value, and the graph with every step on its own,
/// interleaved pass by pass. Run:
/// <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- selfie-stages [steps] [layers] [coarse]</c> (<c>steps</c>
/// lists the compiled steps with their shapes first; <c>layers</c> adds each step's median with its multiply-adds and
/// the bytes it reads and writes, and the rates they give; <c>coarse</c> times the 160x160 graph of the coarse pass).
/// </summary>
internal static class SelfieStages
{
    public static void Run(string[] args)
    {
        bool listSteps = args.Contains("steps");
        bool layers = args.Contains("layers");
        bool coarse = args.Contains("coarse");
        if (OperatingSystem.IsLinux())
        {
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        using RgbImage photo = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        SelfieSegmentationModel model = SelfieSegmentationModel.Load(ModelsDirectory());
        SelfieGraph graph = coarse ? model.Coarse : model.Graph;
        SelfieGraph plain = SelfieGraph.LoadSizes(ModelLocator.Locate(ModelsDirectory(), SelfieGraph.FolderName), null, fuse: false, graph.Size)[0];
        var fusedStages = new StageTimes(warmUpPasses: 20);
        var plainStages = new StageTimes(warmUpPasses: 20);
        var layerStages = new StageTimes(warmUpPasses: 20);
        long macs = graph.Steps.Sum(Macs);

        if (listSteps)
        {
            foreach (GraphStep s in graph.Steps)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Op,-22} k{s.Kernel} {s.In} -> {s.Out} inputs [{string.Join(',', s.Inputs)}] -> {s.Output}; before {string.Join(',', s.Prologue.Select(p => p.Op))} after {string.Join(',', s.Epilogue.Select(p => p.Op))}"));
            }
        }

        var fusedWs = new SelfieWorkspace(graph);
        var ownWs = new SelfieWorkspace(graph, shareArrays: false);
        var plainWs = new SelfieWorkspace(plain, shareArrays: false);
        SelfieGraph passPools = PoolsInPasses(graph);
        var passPoolsWs = new SelfieWorkspace(passPools);
        var passPoolsStages = new StageTimes(warmUpPasses: 20);
        var ownStages = new StageTimes(warmUpPasses: 20);
        for (int pass = 0; pass < 200; pass++)
        {
            Pass(photo, graph, fusedWs, fusedStages);
            Pass(photo, graph, ownWs, ownStages);
            Pass(photo, plain, plainWs, plainStages);
            Pass(photo, passPools, passPoolsWs, passPoolsStages);
            if (layers)
            {
                layerStages.NextPass();
                ImageInput.Prepare(photo, 0, 0, photo.Width, photo.Height, true, graph.Size, 0f, 0f, 0f, fusedWs.Values[0]); // arrays are shared: the input is gone after a pass
                for (int k = 0; k < graph.Steps.Count; k++)
                {
                    GraphStep s = graph.Steps[k];
                    layerStages.Time(k.ToString(CultureInfo.InvariantCulture), () => SelfieSegmenter.RunStep(s, fusedWs));
                }
            }
        }

        if (layers)
        {
            PrintLayers(graph, layerStages);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"selfie segmentation at {graph.Size}: {graph.Steps.Count} steps ({plain.Steps.Count} unfused), {macs / 1e6:F1}M multiply-adds"));
        Console.WriteLine("fused element-wise chains, values sharing arrays (the product):");
        fusedStages.Print();
        Console.WriteLine("the same graph, an array per value (interleaved pass by pass with the above):");
        ownStages.Print();
        Console.WriteLine("every step on its own, an array per value (interleaved pass by pass with the above):");
        plainStages.Print();
        Console.WriteLine("the product with each global average pool a pass of its own after the step it averages (interleaved):");
        passPoolsStages.Print();
    }

    /// <summary>The graph with each pool moved into a step (<see cref="GraphStep.Pool"/>) back as a step of its own
    /// right after it: the fusion's A/B.</summary>
    private static SelfieGraph PoolsInPasses(SelfieGraph graph)
    {
        var steps = new List<GraphStep>();
        foreach (GraphStep s in graph.Steps)
        {
            steps.Add(s.With(null, [.. s.Epilogue.Select(e => e.With(null, e.Epilogue))]));
            steps.AddRange(s.Epilogue.Append(s).Select(e => e.Pool).OfType<GraphStep>());
        }

        return graph.WithSteps(steps);
    }

    /// <summary>Multiply-adds of a step (convolutions, depthwise, transposed convolution; none for the rest).</summary>
    private static long Macs(GraphStep s) => s.Op switch
    {
        GraphOp.Convolution => (long)s.Out.Length * s.In.C * s.Kernel * s.Kernel,
        GraphOp.Depthwise => (long)s.Out.Length * s.Kernel * s.Kernel,
        GraphOp.TransposedConvolution => (long)s.Out.Length * s.In.C,
        _ => 0,
    };

    /// <summary>Bytes a step reads and writes at least once: its runtime inputs and output (and those of the steps
    /// moved into it), its constants.</summary>
    private static long Bytes(GraphStep s)
    {
        long Own(GraphStep t) => 4L * (t.Out.Length + t.Weights.Length + t.Bias.Length
            + t.Inputs.Sum(i => i == t.Inputs[0] ? (long)t.In.Length : (long)t.Out.Length));
        return Own(s) + s.Prologue.Concat(s.Epilogue).Sum(Own);
    }

    /// <summary>Each step's median with its rates: GMAC/s against its multiply-adds, GB/s against the bytes it moves.</summary>
    private static void PrintLayers(SelfieGraph graph, StageTimes times)
    {
        IReadOnlyDictionary<string, double> medians = times.Medians();
        Console.WriteLine("step                   shape                         moved in  us      MMAC   GMAC/s   KB      GB/s");
        for (int k = 0; k < graph.Steps.Count; k++)
        {
            GraphStep s = graph.Steps[k];
            double us = medians[k.ToString(CultureInfo.InvariantCulture)] * 1000;
            long m = Macs(s), b = Bytes(s);
            string moved = string.Join('+', s.Prologue.Concat(s.Epilogue).Select(p => p.Op.ToString()[..3]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Op.ToString()[..Math.Min(12, s.Op.ToString().Length)],-12} k{s.Kernel} {s.In,-12} -> {s.Out,-12} {moved,-10} {us,7:F1} {m / 1e6,7:F2} {(m == 0 ? 0 : m / us / 1e3),7:F1} {b / 1024.0,7:F0} {b / us / 1e3,7:F1}"));
        }
    }

    private static void Pass(RgbImage photo, SelfieGraph graph, SelfieWorkspace ws, StageTimes stages)
    {
        stages.NextPass();
        stages.Time($"input {graph.Size}", () => ImageInput.Prepare(photo, 0, 0, photo.Width, photo.Height, true, graph.Size, 0f, 0f, 0f, ws.Values[0]));
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
