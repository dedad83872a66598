using SocialCard.Faces;
using SocialCard.Photos;
using SocialCard.Photos.Faces;

namespace SocialCard.Cli.Commands;

/// <summary>
/// Loads the face engine every command needs (<c>check</c> runs the face rules, a fix without landmarks is impossible,
/// a package is checked with the full rule set): from <c>--models</c>, else <c>$SOCIALCARD_MODELS</c>, else the first
/// <c>models/face-api</c> above the working folder or the application (<c>./setup.sh</c> installs it there). The
/// returned detector and checker are thread-safe, so <c>--jobs N</c> shares one instance.
/// </summary>
internal static class FaceEngineLoader
{
    /// <returns>An error message (zh / en), or null on success.</returns>
    internal static string? TryLoad(string? modelDirectory, out CheckerFaceDetector? detector)
    {
        detector = null;
        string? directory = modelDirectory ?? FindAbove(Directory.GetCurrentDirectory());
        try
        {
            detector = directory is null && modelDirectory is null
                ? CheckerFaceDetector.LoadDefault()
                : CheckerFaceDetector.LoadDefault(directory);
            return null;
        }
        catch (ModelFormatException ex)
        {
            return $"人脸模型缺失或已损坏：请先在仓库根目录运行 ./setup.sh（或用 --models / SOCIALCARD_MODELS 指向模型文件夹）。{ex.Message} / Face models missing or altered: run ./setup.sh in the repository root (or point --models / SOCIALCARD_MODELS at the model folder). {ex.Message}";
        }
        catch (IOException ex)
        {
            return $"人脸模型无法读取：请检查 models/face-api 或重新运行 ./setup.sh。{ex.Message} / The face models could not be read: check models/face-api or run ./setup.sh again. {ex.Message}";
        }
    }

    /// <summary>The checker with every rule, face rules included.</summary>
    internal static PhotoChecker Checker(CheckerFaceDetector detector) => new(detector);

    private static string? FindAbove(string start)
    {
        if (Environment.GetEnvironmentVariable("SOCIALCARD_MODELS") is { Length: > 0 })
        {
            return null;
        }

        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
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
