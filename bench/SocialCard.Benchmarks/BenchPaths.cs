using System.Runtime.CompilerServices;

namespace SocialCard.Benchmarks;

/// <summary>
/// Where the benchmarks find the shared labelled photos: <c>../shared/photos/devset</c> relative to the repository root
/// (the folder holding SocialCard.sln, found above the current directory, else above this source file: BenchmarkDotNet
/// runs its child process from the build output).
/// </summary>
internal static class BenchPaths
{
    public static string RepositoryRoot { get; } = FindRoot(Environment.CurrentDirectory) ?? FindRoot(Path.GetDirectoryName(SourceFile()) ?? ".")
        ?? throw new DirectoryNotFoundException("SocialCard.sln not found above " + Environment.CurrentDirectory);

    public static string Devset { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "photos", "devset"));

    public static string DevsetImages { get; } = Path.Combine(Devset, "images");

    public static string DevsetOriginals { get; } = Path.Combine(Devset, "originals");

    private static string? FindRoot(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialCard.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
