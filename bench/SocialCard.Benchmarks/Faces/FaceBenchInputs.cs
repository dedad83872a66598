using System.Runtime.CompilerServices;

namespace SocialCard.Benchmarks.Faces;

/// <summary>Where the face benchmarks find their photos and the installed weights.</summary>
internal static class FaceBenchInputs
{
    public static string DevsetImages => BenchPaths.DevsetImages;

    /// <summary>The 358x441 compliant devset photo all face benchmarks (and tools/face-reference) time.</summary>
    public const string PhotoName = "0458430542.jpg";

    /// <summary>
    /// $SOCIALCARD_MODELS, else the first models/face-api above the current directory, else above this source file
    /// (BenchmarkDotNet runs its child process from the build output, which may live outside the repo, e.g. under
    /// $SC_ARTIFACTS).
    /// </summary>
    public static string? ModelsDirectory()
    {
        if (Environment.GetEnvironmentVariable("SOCIALCARD_MODELS") is { Length: > 0 } env)
        {
            return env;
        }

        return WalkUp(Environment.CurrentDirectory) ?? WalkUp(Path.GetDirectoryName(SourceFile()) ?? ".");
    }

    private static string? WalkUp(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models", "face-api");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
