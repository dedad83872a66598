namespace SocialCard.Faces.Tests.TestUtilities;

/// <summary>The real selfie segmentation graph (models/selfie, installed by ./setup.sh), loaded once for the whole run.</summary>
internal static class SharedSelfieModel
{
    private static readonly Lazy<SelfieSegmentationModel> s_model = new(() => SelfieSegmentationModel.Load(Directory));

    /// <summary>The models folder holding <c>selfie/</c>.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable("SOCIALCARD_MODELS") is { Length: > 0 } env ? env : Path.Combine(TestPaths.RepoRoot, "models");

    public static SelfieSegmentationModel Model => s_model.Value;
}
