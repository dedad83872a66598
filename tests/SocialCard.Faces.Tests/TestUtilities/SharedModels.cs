namespace SocialCard.Faces.Tests.TestUtilities;

/// <summary>The real weights, loaded once for the whole test run.</summary>
internal static class SharedModels
{
    private static readonly Lazy<FaceModels> s_models = new(() => FaceModels.Load(TestPaths.ModelsDirectory));

    public static FaceModels Models => s_models.Value;
}
