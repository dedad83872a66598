using System.Runtime.CompilerServices;
using SocialCard.Photos;
using SocialCard.Photos.Faces;

namespace SocialCard.Platform.Tests.Engine;

/// <summary>The real photo engine (every rule, face networks from the repository's models/face-api) and the labelled
/// development photos in ../shared/photos/devset, loaded once per test run.</summary>
internal static class EngineFixture
{
    private static readonly Lazy<PhotoChecker> s_checker = new(() =>
        new PhotoChecker(CheckerFaceDetector.LoadDefault(Path.Combine(RepoRoot(), "models", "face-api"))));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_labels = new(LoadLabels);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Platform.Domain.PhotoReview> s_reviews = new(StringComparer.Ordinal);

    public static PhotoChecker Checker => s_checker.Value;

    /// <summary>The repository's face-api weights (./setup.sh).</summary>
    public static string ModelsDirectory => Path.Combine(RepoRoot(), "models", "face-api");

    public static string DevsetDirectory => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "photos", "devset"));

    /// <summary>File name -> expected outcome (<c>compliant</c> or the rule id the photo breaks).</summary>
    public static IReadOnlyDictionary<string, string> Labels => s_labels.Value;

    /// <summary>The first <paramref name="count"/> photos (by name) labelled <paramref name="expected"/>.</summary>
    public static IReadOnlyList<string> Photos(string expected, int count) =>
        [.. Labels.Where(l => l.Value == expected).Select(l => l.Key).Order(StringComparer.Ordinal).Take(count)];

    /// <summary>The engine's own answer for one devset photo under <paramref name="profileId"/> (computed once).</summary>
    public static Platform.Domain.PhotoReview Review(string file, string profileId) =>
        s_reviews.GetOrAdd(profileId + "/" + file, _ => Platform.Engine.PhotoCheckAdapter.ToReview(
            Checker.Check(Bytes(file), file, SocialCard.Photos.Profiles.SpecProfiles.Get(profileId))));

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(DevsetDirectory, "images", file));

    private static Dictionary<string, string> LoadLabels()
    {
        var path = Path.Combine(DevsetDirectory, "labels.tsv");
        Assert.True(File.Exists(path), $"labelled photos not found: {path} (the labelled photo set is expected at ../shared/photos/devset beside the repository)");
        return File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(c => c.Length > 1)
            .ToDictionary(c => c[0], c => c[1], StringComparer.Ordinal);
    }

    private static string RepoRoot([CallerFilePath] string here = "")
    {
        var dir = Path.GetDirectoryName(here);
        while (dir is not null && !File.Exists(Path.Combine(dir, "SocialCard.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Repository root not found above " + here);
    }
}
