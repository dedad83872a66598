using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;

namespace SocialCard.Web.Features.PhotoCheck;

/// <summary>
/// The web host's photo engine, both sides: one thread-safe <see cref="PhotoChecker"/> and, when the face models are present,
/// the automatic <see cref="PhotoFixer"/>. Without the models the checker runs the non-face rules and there is no
/// fixer (pages hide the fix button, the fix API answers 503) rather than a fake.
/// </summary>
public sealed class WebPhotoEngine
{
    private readonly CheckerFaceDetector? _detector;

    private WebPhotoEngine(PhotoChecker checker, PhotoFixer? fixer, string? faceModelDirectory, CheckerFaceDetector? detector = null, FaceDescriptorReader? descriptors = null)
    {
        _detector = detector;
        Descriptors = descriptors;
        Checker = checker;
        Fixer = fixer;
        FaceModelDirectory = faceModelDirectory;
    }

    public PhotoChecker Checker { get; }

    public PhotoFixer? Fixer { get; }

    public bool CanFix => Fixer is not null;

    /// <summary>Face descriptors for the same-face comparison of unit packages; null without the recognition weights.</summary>
    public FaceDescriptorReader? Descriptors { get; }

    public string? FaceModelDirectory { get; }

    public static WebPhotoEngine Create(PhotoCheckOptions options, string contentRoot, ILogger logger)
    {
        if (!options.UseFaces)
        {
            return new WebPhotoEngine(new PhotoChecker(), null, null);
        }

        string? directory = options.FaceModelDirectory ?? FindModels(contentRoot) ?? FindModels(AppContext.BaseDirectory);
        try
        {
            var detector = CheckerFaceDetector.LoadDefault(directory);
            var checker = new PhotoChecker(detector);
            return new WebPhotoEngine(checker, new PhotoFixer(detector, checker), directory, detector,
                options.CompareFaces ? LoadDescriptors(directory, logger) : null);
        }
        catch (Exception ex) when (ex is ModelFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            WebLog.FaceModelsMissing(logger, directory ?? "(default)", ex.Message);
            return new WebPhotoEngine(new PhotoChecker(), null, null);
        }
    }

    private static FaceDescriptorReader? LoadDescriptors(string? directory, ILogger logger)
    {
        try
        {
            return FaceDescriptorReader.Load(directory);
        }
        catch (Exception ex) when (ex is ModelFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            WebLog.FaceModelsMissing(logger, directory ?? "(default)", ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Runs every face network once and checks one synthetic white 358 x 441 JPEG with every rule, so kernels are
    /// compiled and buffers allocated before the first real photo. Returns the number of face analyzers warmed.
    /// </summary>
    public int WarmUp()
    {
        int warmed = _detector?.WarmUp() ?? 0;
        Checker.Check(BlankPhoto(), "0000000000.jpg", SpecProfiles.Get("national-sscard"));
        return warmed;
    }

    /// <summary>A white 358 x 441 JPEG (no face: it fails the face rules), for warm-ups.</summary>
    public static byte[] BlankPhoto()
    {
        using var blank = new RgbImage(358, 441);
        blank.Pixels.Fill(255);
        return JpegEncoder.Encode(blank);
    }

    private static string? FindModels(string start)
    {
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
