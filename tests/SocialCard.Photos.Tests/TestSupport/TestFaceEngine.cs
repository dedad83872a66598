using System.Runtime.CompilerServices;
using SocialCard.Faces;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Tests.TestSupport;

/// <summary>The real face engine for tests, loaded once from the repository's models/face-api (./setup.sh).</summary>
internal static class TestFaceEngine
{
    /// <summary>The folder holding SocialCard.sln.</summary>
    public static string RepositoryRoot { get; } = RepoRoot();

    private static readonly Lazy<FaceModels> s_models = new(() => FaceModels.Load(Path.Combine(RepositoryRoot, "models", "face-api")));
    private static readonly Lazy<CheckerFaceDetector> s_detector = new(() => new CheckerFaceDetector(s_models.Value));
    private static readonly Lazy<PhotoChecker> s_checker = new(() => new PhotoChecker(s_detector.Value));

    /// <summary>The loaded weights (for engines other than the default).</summary>
    public static FaceModels Models => s_models.Value;

    /// <summary>The default engine, as <see cref="CheckerFaceDetector.LoadDefault"/> builds it.</summary>
    public static CheckerFaceDetector Detector => s_detector.Value;

    /// <summary>A checker with every rule and the real face engine.</summary>
    public static PhotoChecker Checker => s_checker.Value;

    private static string RepoRoot([CallerFilePath] string here = "")
    {
        string? dir = Path.GetDirectoryName(here);
        while (dir is not null && !File.Exists(Path.Combine(dir, "SocialCard.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Repository root not found above " + here);
    }
}
