namespace SocialCard.Benchmarks.Imaging;

/// <summary>Picks the benchmark inputs from the shared labelled photo set, deterministically (first by name).</summary>
internal static class DevsetPhotos
{
    /// <summary>A 358x441 ID photo from images/.</summary>
    public static byte[] IdPhoto() => File.ReadAllBytes(First(BenchPaths.DevsetImages));

    /// <summary>An original portrait (long side 1200 px) from originals/.</summary>
    public static byte[] Original() => File.ReadAllBytes(First(BenchPaths.DevsetOriginals));

    private static string First(string folder) =>
        Directory.EnumerateFiles(folder, "*.jpg").Order(StringComparer.Ordinal).FirstOrDefault()
        ?? throw new FileNotFoundException($"No .jpg under {folder}: the devset is needed for these benchmarks.");
}
