namespace SocialCard.Faces.Weights;

/// <summary>
/// Finds the installed weights folder (<c>models/face-api</c>): the <c>SOCIALCARD_MODELS</c> environment variable
/// (either the <c>models</c> folder or the <c>face-api</c> folder itself), else the first ancestor of
/// <see cref="AppContext.BaseDirectory"/> (then of the current directory) that contains <c>models/face-api</c>.
/// Never downloads: the weights come only from <c>./setup.sh</c>.
/// </summary>
internal static class ModelLocator
{
    public const string EnvironmentVariable = "SOCIALCARD_MODELS";
    public const string FolderName = "face-api";

    public static string Locate(string? directory)
    {
        if (!string.IsNullOrEmpty(directory))
        {
            return Resolve(directory) ?? Fail($"Weights folder {directory} does not exist.");
        }

        string? fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Resolve(fromEnv) ?? Fail($"{EnvironmentVariable}={fromEnv} names no existing folder.");
        }

        return WalkUp(AppContext.BaseDirectory) ?? WalkUp(Environment.CurrentDirectory)
            ?? Fail($"No models/{FolderName} folder above {AppContext.BaseDirectory} and {EnvironmentVariable} is not set.");
    }

    private static string? Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            return null;
        }

        string nested = Path.Combine(full, FolderName);
        return Directory.Exists(nested) ? nested : full;
    }

    private static string? WalkUp(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models", FolderName);
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
