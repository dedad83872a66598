using System.Globalization;
using SocialCard.Faces;
using SocialCard.Faces.Kernels;
using SocialCard.Faces.Models.SelfieSegmentation;
using SocialCard.Imaging;

namespace SocialCard.Benchmarks.Faces;

/// <summary>
/// Thread-CPU time of the selfie segmentation network per kind of step (1x1 and 3x3 convolutions, depthwise 3x3/5x5,
/// pools, resizes, element-wise ops) and in total, one core (affinity to CPU 0), median of 180 passes after 20 warm-ups,
/// on the 358x441 devset photo; plus the multiply-adds of the convolutions. Run:
/// <c>dotnet run -c Release --project bench/SocialCard.Benchmarks -- selfie-stages</c>.
/// </summary>
internal static class SelfieStages
{
    public static void Run(string[] args)
    {
        _ = args;
        if (OperatingSystem.IsLinux())
        {
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        using RgbImage photo = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FaceBenchInputs.DevsetImages, FaceBenchInputs.PhotoName)));
        SelfieSegmentationModel model = SelfieSegmentationModel.Load(ModelsDirectory());
        var segmenter = new SelfieSegmenter(model);
        SelfieWorkspace ws = segmenter.Rent();
        var stages = new StageTimes(warmUpPasses: 20);
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

        for (int pass = 0; pass < 200; pass++)
        {
            stages.NextPass();
            stages.Time("input 256", () => ImageInput.Prepare(photo, 0, 0, photo.Width, photo.Height, true, SelfieGraph.InputSize, 0f, 0f, 0f, ws.Values[0]));
            foreach (GraphStep s in model.Graph.Steps)
            {
                string name = s.Op switch
                {
                    GraphOp.Convolution => $"conv {s.Kernel}x{s.Kernel}",
                    GraphOp.Depthwise => $"depthwise {s.Kernel}x{s.Kernel}",
                    _ => s.Op.ToString(),
                };
                stages.Time(name, () => SelfieSegmenter.RunStep(s, ws));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"selfie segmentation: {model.Graph.Steps.Count} steps, {macs / 1e6:F1}M multiply-adds"));
        stages.Print();
    }

    /// <summary>The <c>models</c> folder holding <c>selfie/</c>: $SOCIALCARD_MODELS, else the face weights' parent.</summary>
    public static string? ModelsDirectory() =>
        Environment.GetEnvironmentVariable("SOCIALCARD_MODELS") is { Length: > 0 } env ? env
            : FaceBenchInputs.ModelsDirectory() is { } faceApi ? Path.GetDirectoryName(faceApi) : null;
}
