using System.Runtime.CompilerServices;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>The labelled photos in ../shared/photos/devset (beside the repository).</summary>
public static class DevsetPhotos
{
    private static readonly Lazy<IReadOnlyList<(string File, string Expected)>> s_labels = new(LoadLabels);

    public static string Root { get; } = FindRoot();

    public static string ImagesDirectory => Path.Combine(Root, "images");

    public static IReadOnlyList<(string File, string Expected)> Labels => s_labels.Value;

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(ImagesDirectory, file));

    /// <summary>First <paramref name="count"/> photos labelled <paramref name="expected"/> ("compliant" or a rule id).</summary>
    public static IReadOnlyList<string> WithLabel(string expected, int count) =>
        [.. Labels.Where(l => l.Expected == expected).Select(l => l.File).Order(StringComparer.Ordinal).Take(count)];

    private static IReadOnlyList<(string, string)> LoadLabels() =>
        [.. File.ReadAllLines(Path.Combine(Root, "labels.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cols => cols.Length >= 2)
            .Select(cols => (cols[0], cols[1]))];

    private static string FindRoot([CallerFilePath] string source = "")
    {
        // tests/SocialCard.Web.Tests/Infrastructure/DevsetPhotos.cs -> repository root -> ../shared
        for (DirectoryInfo? dir = new FileInfo(source).Directory; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "photos", "devset");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("/work", "shared", "photos", "devset");
    }
}
