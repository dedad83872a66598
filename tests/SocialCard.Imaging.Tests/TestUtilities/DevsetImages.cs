using System.Runtime.CompilerServices;

namespace SocialCard.Imaging.Tests.TestUtilities;

/// <summary>The labelled devset photos: <c>../shared/photos/devset/images</c> relative to the repository root.</summary>
internal static class DevsetImages
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "photos", "devset", "images"));

    /// <summary>The first <paramref name="count"/> JPEG files in ordinal order; fails the test when the set is missing.</summary>
    public static string[] First(int count)
    {
        Assert.True(Directory.Exists(Folder), $"devset photos not found: {Folder}");
        return [.. Directory.EnumerateFiles(Folder, "*.jpg").Order(StringComparer.Ordinal).Take(count)];
    }

    private static string RepoRoot([CallerFilePath] string here = "")
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
