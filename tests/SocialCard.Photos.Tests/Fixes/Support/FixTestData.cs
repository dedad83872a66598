using SocialCard.Imaging;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Fixes.Support;

/// <summary>Shared inputs of the fix tests: the face engine (loaded once), the devset originals, paths.</summary>
internal static class FixTestData
{
    private static readonly Lazy<CheckerFaceDetector> s_detector = new(() => CheckerFaceDetector.LoadDefault(Path.Combine(RepoRoot, "models", "face-api")));

    public static string DevsetRoot => TestPhotos.DevsetDirectory;

    public static string OriginalsDir => Path.Combine(DevsetRoot, "originals");

    public static CheckerFaceDetector Detector => s_detector.Value;

    public static SpecProfile Suzhou => SpecProfiles.Get(SpecProfiles.Suzhou);

    /// <summary>suzhou-sscard without the expression rules and the clothing rule: for step tests on originals of people
    /// who smile (the segmentation references include two) or wear a white top, where the smile or the top is beside
    /// the point.</summary>
    public static SpecProfile SuzhouAnyExpression { get; } = new()
    {
        Id = Suzhou.Id,
        Name = Suzhou.Name,
        BasedOn = Suzhou.BasedOn,
        Image = Suzhou.Image,
        File = Suzhou.File,
        Geometry = Suzhou.Geometry,
        Rules = Suzhou.Rules.Where(kv => kv.Key is not ("expression.neutral" or "mouth.open" or "clothing.light")).ToDictionary(kv => kv.Key, kv => kv.Value),
    };

    public static string RepoRoot => TestFaceEngine.RepositoryRoot;

    public static string DataDir => Path.Combine(RepoRoot, "tests", "SocialCard.Photos.Tests", "Fixes", "Data");

    public static PhotoFixer Fixer(FixOptions? options = null) => new(Detector, null, options);

    public static byte[] Original(string person) => File.ReadAllBytes(Path.Combine(OriginalsDir, person + ".jpg"));

    public static string[] AllOriginals() => [.. Directory.GetFiles(OriginalsDir, "*.jpg").OrderBy(f => f, StringComparer.Ordinal)];

    public static RgbImage Decode(byte[] jpeg) => ImageDecoder.Decode(jpeg);
}
