using SocialCard.Photos;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Platform.Centre;
using SocialCard.Web.Features.PhotoCheck;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// <see cref="IWizardPhotoService"/> over SocialCard.Photos with the centre's applicant photo profile (<see cref="CentreOptions.ApplicantPhotoProfile"/>): the host's shared
/// <see cref="WebPhotoEngine"/> (checker and fixer) when registered, else the shared <see cref="PhotoChecker"/>, and <see cref="PhotoFixer"/> when the host registered one or a face detector to build
/// one from; failing both, it loads the face networks itself (<see cref="CheckerFaceDetector.LoadDefault"/>) on first
/// use. Without a face engine the one-click fix is hidden.
/// </summary>
public sealed class WizardPhotoService : IWizardPhotoService
{
    private readonly PhotoChecker _checker;
    private readonly Lazy<PhotoFixer?> _fixer;
    private readonly SpecProfile _profile;
    private readonly SocialCard.Platform.Engine.ReviewConcurrency? _concurrency;

    public WizardPhotoService(IServiceProvider services)
    {
        _profile = SpecProfiles.Get((services.GetService<Microsoft.Extensions.Options.IOptions<CentreOptions>>()?.Value ?? new CentreOptions()).ApplicantPhotoProfile);
        _concurrency = services.GetService<SocialCard.Platform.Engine.ReviewConcurrency>();

        // The host's photo engine (Features/PhotoCheck) when present: one set of face networks for the whole site.
        if (services.GetService<WebPhotoEngine>() is { } engine)
        {
            _checker = engine.Checker;
            _fixer = new Lazy<PhotoFixer?>(() => engine.Fixer);
            _fixerUsable = new Lazy<bool>(() => engine.CanFix);
            return;
        }

        _checker = services.GetService<PhotoChecker>() ?? new PhotoChecker(services.GetService<IFaceDetector>());
        PhotoFixer? registered = services.GetService<PhotoFixer>();
        IFaceDetector? detector = services.GetService<IFaceDetector>();
        _fixer = new Lazy<PhotoFixer?>(() => registered ?? new PhotoFixer(detector ?? (IFaceDetector?)LoadFaceEngine() ?? NoFace.Instance));
        _fixerUsable = new Lazy<bool>(() => registered is not null || detector is not null || LoadFaceEngine() is not null);
    }

    private readonly Lazy<bool> _fixerUsable;
    private static readonly Lazy<CheckerFaceDetector?> s_faceEngine = new(TryLoadFaceEngine);

    public bool CanFix => _fixerUsable.Value;

    public PhotoPreReview Review(byte[] photo) => ToReview(Check(photo), wasFixed: false);

    /// <summary>One check, inside the node-wide limit when the host has one.</summary>
    private PhotoReport Check(byte[] photo) =>
        _concurrency is null ? _checker.Check(photo, "photo.jpg", _profile) : _concurrency.Run(() => _checker.Check(photo, "photo.jpg", _profile));

    public PhotoFixOutcome? Fix(byte[] original)
    {
        if (!CanFix || _fixer.Value is not { } fixer)
        {
            return null;
        }

        FixResult result = fixer.Fix(original, "photo.jpg", _profile);
        string[] steps = [.. result.Report.Steps.Select(s => s.Step)];
        if (!result.Success || result.Jpeg is null)
        {
            FixRefusal refusal = result.Refusal ?? new FixRefusal("pipeline", new LocalizedText("无法自动修正", "Cannot be fixed automatically"));
            LocalizedText words = FixCapability.Explain(refusal);
            return new PhotoFixOutcome(null, null, steps, new PhotoFixRefusal(words.Zh, words.En, refusal.Reason.Zh, refusal.Reason.En));
        }

        PhotoReport recheck = result.Recheck ?? Check(result.Jpeg);
        return new PhotoFixOutcome(result.Jpeg, ToReview(recheck, wasFixed: true), steps);
    }

    private static CheckerFaceDetector? LoadFaceEngine() => s_faceEngine.Value;

    private static CheckerFaceDetector? TryLoadFaceEngine()
    {
        try
        {
            return CheckerFaceDetector.LoadDefault();
        }
#pragma warning disable CA1031 // no model files on this machine: the wizard works without the one-click fix
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>Placeholder never used for fixing (CanFix is false then); keeps the lazy fixer non-null-safe.</summary>
    private sealed class NoFace : IFaceDetector
    {
        public static readonly NoFace Instance = new();

        public FaceObservation? Analyze(SocialCard.Imaging.RgbImage image) => null;
    }

    private PhotoPreReview ToReview(PhotoReport report, bool wasFixed)
    {
        PhotoPreReviewItem[] items =
        [
            .. report.Findings
                .Where(f => f.Outcome != RuleOutcome.Skip)
                .OrderBy(f => f.Outcome == RuleOutcome.Fail ? 0 : f.Outcome == RuleOutcome.Warn ? 1 : 2)
                .Select(f => new PhotoPreReviewItem(f.Rule, f.Outcome != RuleOutcome.Fail, f.Outcome == RuleOutcome.Warn, f.Message.Zh, f.Message.En)),
        ];
        bool passed = report.Verdict is Photos.PhotoVerdict.Pass or Photos.PhotoVerdict.Warn;
        return new PhotoPreReview(passed, items, CanFix && !passed && FixCapability.CanRepair(report), wasFixed, report.Verdict == Photos.PhotoVerdict.Warn);
    }
}
