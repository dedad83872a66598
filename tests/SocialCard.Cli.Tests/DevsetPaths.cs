namespace SocialCard.Cli.Tests;

/// <summary>Finds ../shared/photos/devset from the test's working folder.</summary>
internal static class DevsetPaths
{
    internal static string Root { get; } = Find();

    internal static string Images => Path.Combine(Root, "images");

    internal static string Image(string file) => Path.Combine(Images, file);

    private static string Find()
    {
        string? repo = typeof(DevsetPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        for (DirectoryInfo? dir = new(repo ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "photos", "devset");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "..", "shared", "photos", "devset");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("../shared/photos/devset not found above " + AppContext.BaseDirectory);
    }
}
