using SocialCard.Photos.Profiles;

namespace SocialCard.Benchmarks.Imaging;

/// <summary>
/// The devset photos in memory for the whole-check benchmarks (the image rules alone, and with the face engine):
/// every file of images/ sorted by name, the suzhou-sscard profile the devset targets, and one compliant 358x441 photo.
/// </summary>
internal sealed class PhotoCheckInputs
{
    public static string ImagesFolder => BenchPaths.DevsetImages;

    /// <summary>The compliant 358x441 photo the per-photo figures use (the same one the face network benchmarks time).</summary>
    public const string CompliantPhoto = "0458430542.jpg";

    private PhotoCheckInputs(IReadOnlyList<(string Name, byte[] Bytes)> photos, SpecProfile profile)
    {
        Photos = photos;
        Profile = profile;
    }

    public IReadOnlyList<(string Name, byte[] Bytes)> Photos { get; }

    public SpecProfile Profile { get; }

    public (string Name, byte[] Bytes) Compliant => Photos.First(p => p.Name == CompliantPhoto);

    public static PhotoCheckInputs Load()
    {
        if (!Directory.Exists(ImagesFolder))
        {
            throw new DirectoryNotFoundException($"{ImagesFolder} is missing: the devset is needed for these benchmarks.");
        }

        var photos = Directory.EnumerateFiles(ImagesFolder)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))
            .ToList();
        return new PhotoCheckInputs(photos, SpecProfiles.Get("suzhou-sscard"));
    }
}
