namespace SocialCard.Faces.Weights;

/// <summary>
/// Finds an installed weights folder (<c>models/face-api</c>, <c>models/selfie</c>): the <c>SOCIALCARD_MODELS</c>
/// environment variable (either the <c>models</c> folder or the model's folder itself), else the first ancestor of
/// <see cref="AppContext.BaseDirectory"/> (then of the current directory) that contains <c>models/&lt;folder&gt;</c>.
/// Never downloads: the weights come only from <c>./setup.sh</c>.
/// </summary>
internal static class ModelLocator
{
    public const string EnvironmentVariable = "SOCIALCARD_MODELS";
    public const string FolderName = "face-api";

    public static string Locate(string? directory) => Locate(directory, FolderName);

    public static string Locate(string? directory, string folderName)
    {
        if (!string.IsNullOrEmpty(directory))
        {
            return Resolve(directory, folderName) ?? Fail($"Weights folder {directory} does not exist.");
        }

        string? fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Resolve(fromEnv, folderName) ?? Fail($"{EnvironmentVariable}={fromEnv} names no existing folder.");
        }

        return WalkUp(AppContext.BaseDirectory, folderName) ?? WalkUp(Environment.CurrentDirectory, folderName)
            ?? Fail($"No models/{folderName} folder above {AppContext.BaseDirectory} and {EnvironmentVariable} is not set.");
    }

    private static string? Resolve(string path, string folderName)
    {
        string full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            return null;
        }

        string nested = Path.Combine(full, folderName);
        return Directory.Exists(nested) ? nested : full;
    }

    private static string? WalkUp(string start, string folderName)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models", folderName);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Fail(string message)
    {
        ModelThrowHelper.ThrowModelFormat(message);
        return null!;
    }
}
