using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos;

/// <summary>
/// The pre-review engine: builds one <see cref="PhotoContext"/> per photo (inspect and decode once, face analysis
/// once), runs every rule the profile enables against it, and folds the findings into a verdict. Stateless apart from
/// its immutable rule list: one instance may be shared by any number of threads (the face detector, if given, must be
/// thread-safe too).
/// </summary>
public sealed class PhotoChecker
{
    /// <summary>
    /// What the checker decodes by default: at most 25 MP of pixels (above a 24 MP phone photo; the rules judge a
    /// face a few hundred pixels wide), and a JPEG of up to 100 MP is decoded straight to 1/2, 1/4 or 1/8 of each side
    /// to fit instead of being refused; other formats over 25 MP are refused.
    /// </summary>
    public static readonly ImageDecodeOptions DefaultDecodeOptions = new() { MaxPixels = 25_000_000, MaxScaledJpegPixels = 100_000_000 };

    private readonly IReadOnlyList<IPhotoRule> _rules;
    private readonly IFaceDetector? _faceDetector;
    private readonly ImageDecodeOptions _decodeOptions;
    private readonly SelfieSegmenter? _segmenter;

    /// <summary>All shipped rules without a face engine: the face rules skip and the image rules measure the profile's
    /// fixed face region. Use <see cref="PhotoChecker(IFaceDetector?)"/> with
    /// <see cref="Faces.CheckerFaceDetector.LoadDefault"/> for the full check.</summary>
    public PhotoChecker()
        : this(PhotoRules.All, null)
    {
    }

    /// <summary>All shipped rules with a face engine: the face is analysed once per photo and shared by every rule.</summary>
    public PhotoChecker(IFaceDetector? faceDetector)
        : this(PhotoRules.All, faceDetector)
    {
    }

    /// <param name="segmenter">The person-segmentation network the cut-out rule reads; null with a face engine loads the
    /// installed one (<see cref="InstalledSegmenter"/>), and without a face engine none is used.</param>
    public PhotoChecker(IEnumerable<IPhotoRule> rules, IFaceDetector? faceDetector = null, ImageDecodeOptions? decodeOptions = null, SelfieSegmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
        _faceDetector = faceDetector;
        _decodeOptions = decodeOptions ?? DefaultDecodeOptions;
        _segmenter = segmenter ?? (faceDetector is null ? null : InstalledSegmenter.Value);
    }

    public IReadOnlyList<IPhotoRule> Rules => _rules;

    /// <summary>Checks one photo. Never throws for bad content: unreadable files give <see cref="PhotoVerdict.Error"/>.</summary>
    public PhotoReport Check(byte[] data, string fileName, SpecProfile profile)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Check(data.AsMemory(), fileName, profile);
    }

    public PhotoReport Check(ReadOnlyMemory<byte> data, string fileName, SpecProfile profile)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(profile);
        using PhotoContext context = PhotoContext.Create(data, fileName, profile, _faceDetector, _decodeOptions, _segmenter);
        return Check(context, profile);
    }

    /// <summary>Runs the rules on an existing context (the fix pipeline re-checks its output this way).</summary>
    public PhotoReport Check(PhotoContext context, SpecProfile profile)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(profile);
        var findings = new List<RuleFinding>(_rules.Count);
        foreach (IPhotoRule rule in _rules)
        {
            RuleSettings settings = profile.Rule(rule.Id);
            findings.Add(settings.Enabled
                ? rule.Evaluate(context, profile)
                : RuleFinding.Skip(rule.Id, new LocalizedText("本规范不检查此项", "Not checked by this profile.")));
        }

        PhotoVerdict verdict = context.HasPixels ? PhotoReport.VerdictOf(findings) : PhotoVerdict.Error;
        return new PhotoReport { File = context.FileName, Verdict = verdict, Findings = findings };
    }
}
