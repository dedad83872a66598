using System.Runtime.CompilerServices;
using SocialCard.Photos.Fixes.FaceEngine;

namespace SocialCard.Photos.Tests.TestSupport;

/// <summary>The real face engine for tests, loaded once from the repository's models/face-api (./setup.sh).</summary>
internal static class TestFaceEngine
{
    private static readonly Lazy<FaceAnalyzerDetector> s_detector = new(() => FaceAnalyzerDetector.LoadDefault(Path.Combine(RepoRoot(), "models", "face-api")));
    private static readonly Lazy<PhotoChecker> s_checker = new(() => new PhotoChecker(s_detector.Value));

    public static FaceAnalyzerDetector Detector => s_detector.Value;

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
