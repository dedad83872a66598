using System.Runtime.CompilerServices;

namespace SocialCard.Faces.Tests.TestUtilities;

/// <summary>Where the repo, its installed weights, the fixtures and the shared devset are.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ReferenceData => Path.Combine(RepoRoot, "tests", "SocialCard.Faces.Tests", "Data", "FaceApiReference");

    public static string Devset => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "photos", "devset"));

    /// <summary>$SOCIALCARD_MODELS if set, else the repo's models/face-api (installed by ./setup.sh).</summary>
    public static string? ModelsDirectory =>
        Environment.GetEnvironmentVariable("SOCIALCARD_MODELS") is { Length: > 0 } env ? env : Path.Combine(RepoRoot, "models", "face-api");

    private static string FindRepoRoot([CallerFilePath] string here = "")
    {
        for (DirectoryInfo? dir = new FileInfo(here).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialCard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + here);
    }
}
