namespace SocialCard.Benchmarks.Faces;

/// <summary>Where the face benchmarks find their photo and the installed weights.</summary>
internal static class FaceBenchInputs
{
    public const string DevsetImages = "/work/shared/photos/devset/images";

    /// <summary>$SOCIALCARD_MODELS, else the first models/face-api above the current directory (the repo when run from it).</summary>
    public static string? ModelsDirectory()
    {
        if (Environment.GetEnvironmentVariable("SOCIALCARD_MODELS") is { Length: > 0 } env)
        {
            return env;
        }

        for (DirectoryInfo? dir = new(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models", "face-api");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
