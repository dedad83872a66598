using System.Diagnostics;
using SocialCard.Faces;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes.Steps;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes;

/// <summary>
/// The automatic fix: decode -> EXIF orientation -> one face (or a refusal) -> a complete colour original (or a refusal) -> person segmentation -> level the eyes -> crop and scale to the
/// profile geometry -> one person, no double image, no teeth (or a refusal) -> both shoulders in the photo and level against the eyes (or a refusal) -> person onto pure white -> head top checked (re-crop once if off) -> side lighting evened -> exposure/contrast -> colour cast -> mild sharpening -> JPEG in the KB
/// window at the profile's density -> file name; then the result is checked again with every rule of the profile and
/// the fix counts as a success only when that check passes (when no person number was given, the file name cannot be
/// right and the naming rule is left out of that verdict). The original bytes are never modified.
/// Thread-safe: the steps hold no per-photo state, and the face detector and checker are thread-safe.
/// </summary>
public sealed class PhotoFixer
{
    /// <summary>The naming rule: without a person number the fix cannot name the file, so only the pixels and the
    /// container are judged (the report's name step says the number is missing).</summary>
    private const string NameRule = "file.name";

    private readonly PhotoChecker _checker;
    private readonly FixOptions _options;

    /// <param name="segmenter">The person-segmentation network; null loads the installed one (models/selfie) once per
    /// process, and where it is not installed the fix separates the person from plain walls only (its report says so).</param>
    public PhotoFixer(IFaceDetector faceDetector, PhotoChecker? checker = null, FixOptions? options = null, SelfieSegmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(faceDetector);
        segmenter ??= InstalledSegmenter.Value;
        _options = options ?? FixOptions.Default;
        _checker = checker ?? new PhotoChecker(PhotoRules.All, faceDetector, null, segmenter);
        Steps =
        [
            new DecodeStep(),
            new OrientationStep(),
            new FaceStep(faceDetector),
            new SourceCheckStep(),
            new SegmentStep(segmenter),
            new LevelEyesStep(),
            new CropStep(),
            new SubjectCheckStep(),
            new ShoulderCheckStep(),
            new BackgroundStep(segmenter),
            new PlacementStep(segmenter),
            new LightingStep(),
            new ExposureStep(),
            new WhiteBalanceStep(),
            new SharpenStep(),
            new EncodeStep(),
            new NameStep(),
        ];
    }

    public IReadOnlyList<IFixStep> Steps { get; }

    public FixResult Fix(byte[] data, string fileName, SpecProfile profile, string? personNumber = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(profile);
        long start = Stopwatch.GetTimestamp();
        var report = new FixReport();
        using var ctx = new FixContext(data, fileName, profile, _options, personNumber);
        foreach (IFixStep step in Steps)
        {
            FixStepResult result = step.Apply(ctx);
            report.Add(result);
            if (result.Outcome == FixStepOutcome.Failed)
            {
                report.ElapsedMilliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                return new FixResult
                {
                    Success = false,
                    Report = report,
                    Jpeg = ctx.Jpeg,
                    SuggestedFileName = ctx.SuggestedFileName,
                    Refusal = ctx.Refusal ?? new FixRefusal(result.Step, result.Reason),
                };
            }
        }

        string name = ctx.SuggestedFileName ?? fileName;
        PhotoReport? recheck = _options.Recheck ? _checker.Check(ctx.Jpeg!, name, profile) : null;
        bool numbered = ctx.SuggestedFileName is not null && ctx.PersonNumber is not null
            && string.Equals(ctx.SuggestedFileName, ctx.PersonNumber.Trim() + ".jpg", StringComparison.Ordinal);
        bool passed = recheck is null || recheck.Verdict is PhotoVerdict.Pass or PhotoVerdict.Warn
            || (!numbered && recheck.Verdict == PhotoVerdict.Fail && recheck.Failures.All(f => f.Rule == NameRule));
        report.ElapsedMilliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return new FixResult
        {
            Success = passed,
            Jpeg = ctx.Jpeg,
            SuggestedFileName = name,
            Report = report,
            Recheck = recheck,
            Refusal = passed ? null : RecheckRefusal(recheck!, numbered),
        };
    }

    private static FixRefusal RecheckRefusal(PhotoReport report, bool numbered)
    {
        var zh = new List<string>();
        var en = new List<string>();
        var ids = new List<string>();
        foreach (RuleFinding f in report.Failures)
        {
            if (!numbered && f.Rule == NameRule)
            {
                continue;
            }

            ids.Add(f.Rule);
            zh.Add(f.Message.Zh);
            en.Add(f.Message.En);
        }

        return new FixRefusal("recheck:" + string.Join(',', ids), new LocalizedText(
            "修复后的照片仍未通过检查：" + string.Join("；", zh), "The fixed photo still fails the check: " + string.Join("; ", en)));
    }
}
