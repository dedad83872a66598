using System.Drawing;
using SocialCard.Faces;
using SocialCard.Imaging;

namespace SocialCard.Photos.Faces;

/// <summary>
/// The checker's face engine: <see cref="IFaceDetector"/> over SocialCard.Faces' <see cref="FaceAnalyzer"/> (thread-safe like the analyzer: each
/// analyzer keeps a pool of per-call workspaces): boxes, scores, 68 landmarks, pose from <see cref="FaceGeometry"/>,
/// expression probabilities by lower-case name.
/// <para>
/// With several analyzers (a cascade of detector input sizes) the first one that finds a face gives the observation:
/// the TinyFaceDetector's score swings with the input scale, and on the 358 x 441 devset no single size finds every
/// face (416 misses 17 of the 421 photos' faces, e.g. the very large ones; 352 misses 12), while 352 -> 288 -> 224 -> 416
/// at a score threshold of 0.45 finds exactly the expected faces on every devset photo (none on the blank silhouettes,
/// both of two people). The later sizes only run when the earlier ones found nothing: on the devset 352 decides 395
/// photos, 288 7, 224 3, and 16 have no face at any size (4 blank silhouettes, 6 rotated 441 x 358, 6 truncated).
/// </para>
/// <para>
/// The default engine puts a probe in front of the cascade: the detector at 160 (about a fifth
/// of the 352 detector's work), whose face is kept only when <see cref="SingleFaceGate"/> finds it plausible for an ID
/// photo (exactly one face over 0.45, no other NMS survivor over 0.2, box centre 0.3-0.7 and width 0.4-1.3 of the
/// image width); anything else runs the full cascade. On the devset the probe decides 358 of the 421 photos and never
/// kept a two-person photo; at 128 it decides 402 but boxes one small face too poorly (face.size 17/18), so 160 is
/// the smallest safe size. The whole check's CPU median per devset photo, one core: 3.97-4.07 ms with the probe
/// against 7.3-7.6 ms for the cascade alone (bench/RESULTS.md).
/// </para>
/// <para>
/// The 68-point net crops the detector box, and a box from another input size moves the points by 1-2 px (median 1.7 px
/// between the 160 and the 352 box over 346 devset faces, up to 21 px), which moved borderline measures: e.g. the
/// expression net's "happy" on compliant 7987275705.jpg (a closed-lip smile) read 0.35 with the 352 box and 0.90 with
/// the 160 one. So every analyzer re-runs the 68-point net once on the <see cref="LandmarkFrame"/> of its first points
/// (<see cref="DefaultFrameRefinements"/>): the points then move 0.9 px median, 1.4 px p90, 5 px at most between the two
/// detector sizes, for one more pass of the 68-point net per face.
/// The fix (<see cref="AnalyzeForFix"/>) keeps the cascade: it crops originals of any size along the landmarks, and
/// there the 352 box gives the steadier crop.
/// </para>
/// </summary>
public sealed class CheckerFaceDetector : IFaceDetector
{
    /// <summary>Detector input sizes of the default cascade, tried in order until one finds a face.</summary>
    public static readonly IReadOnlyList<int> DefaultInputSizes = [352, 288, 224, 416];

    /// <summary>Detector input size of the default probe, tried before the cascade (see the class remarks).</summary>
    public const int DefaultProbeInputSize = 160;

    /// <summary>Detector score threshold of the default cascade.</summary>
    public const double DefaultScoreThreshold = 0.45;

    /// <summary>Passes of the 68-point net on the <see cref="LandmarkFrame"/> of its own points after the detector box's
    /// (see the class remarks).</summary>
    public const int DefaultFrameRefinements = 1;

    private static readonly string[] s_expressionNames = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"];
    private readonly FaceAnalyzer[] _analyzers;
    private readonly FaceAnalyzer? _probe;
    private readonly SingleFaceGate _gate = new();

    /// <summary>One analyzer, its options as given (no cascade).</summary>
    public CheckerFaceDetector(FaceAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzers = [analyzer];
    }

    /// <summary>The default: a probe at <see cref="DefaultProbeInputSize"/> whose single plausible face is kept, else the
    /// cascade (<see cref="DefaultInputSizes"/>, <see cref="DefaultScoreThreshold"/>) over loaded weights.</summary>
    public CheckerFaceDetector(FaceModels models)
        : this(models, DefaultProbeInputSize)
    {
    }

    /// <summary>
    /// The default cascade preceded by a probe at <paramref name="probeInputSize"/> (a multiple of 32) whose single face
    /// is kept when it passes <paramref name="gate"/> (default <see cref="SingleFaceGate"/>); otherwise the cascade runs
    /// as without a probe. The rule thresholds of the profiles are calibrated on the default probe size: another size
    /// gives other landmarks (see the class remarks).
    /// </summary>
    public CheckerFaceDetector(FaceModels models, int probeInputSize, SingleFaceGate? gate = null)
        : this(models, (int?)probeInputSize, gate)
    {
    }

    private CheckerFaceDetector(FaceModels models, int? probeInputSize, SingleFaceGate? gate)
    {
        ArgumentNullException.ThrowIfNull(models);
        _analyzers = [.. DefaultInputSizes.Select(size => new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = size, ScoreThreshold = DefaultScoreThreshold, FrameRefinements = DefaultFrameRefinements }))];
        if (probeInputSize is { } probe)
        {
            _probe = new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = probe, ScoreThreshold = DefaultScoreThreshold, FrameRefinements = DefaultFrameRefinements });
        }

        _gate = gate ?? _gate;
    }

    /// <summary>The cascade alone, without the probe (every photo pays for the 352 detector; benchmarks and comparisons).</summary>
    public static CheckerFaceDetector CascadeOnly(FaceModels models) => new(models, null, null);

    /// <summary>Loads the models from the default location (see <see cref="FaceModels.Load(string?)"/>) into the default probe and cascade.</summary>
    /// <exception cref="ModelFormatException">The weights are missing or altered (the message names ./setup.sh).</exception>
    public static CheckerFaceDetector LoadDefault(string? modelDirectory = null) => new(FaceModels.Load(modelDirectory));

    /// <summary>Runs every network of every analyzer of the cascade (and the probe) once, see <see cref="FaceAnalyzer.WarmUp"/>;
    /// returns how many analyzers ran their landmark net.</summary>
    public int WarmUp()
    {
        int warmed = 0;
        foreach (FaceAnalyzer analyzer in _probe is null ? _analyzers : [_probe, .. _analyzers])
        {
            warmed += analyzer.WarmUp() > 0 ? 1 : 0;
        }

        return warmed;
    }

    public FaceObservation? Analyze(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        FaceAnalysis? analysis = _probe?.AnalyzeSingle(image, _gate);
        return Observe(analysis is null || analysis.Faces.Count == 0 ? Cascade(image) : analysis);
    }

    /// <summary>
    /// The cascade without the probe: the fix crops and whitens an original of any size along the landmarks, and the
    /// 352 box gives the steadier crop (on the devset originals the probe's box changed which part of a light shirt
    /// the fixed photo shows, and 4 of the 20 fixable originals then failed clothing.light on the re-check).
    /// </summary>
    public FaceObservation? AnalyzeForFix(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Observe(Cascade(image));
    }

    private FaceAnalysis Cascade(RgbImage image)
    {
        FaceAnalysis analysis = _analyzers[0].Analyze(image);
        for (int i = 1; i < _analyzers.Length && analysis.Faces.Count == 0; i++)
        {
            analysis = _analyzers[i].Analyze(image);
        }

        return analysis;
    }

    private static FaceObservation Observe(FaceAnalysis analysis)
    {
        var faces = new List<ObservedFace>(analysis.Faces.Count);
        foreach (DetectedFace face in analysis.Faces)
        {
            var points = new PointF[face.Landmarks.Count];
            for (int i = 0; i < points.Length; i++)
            {
                points[i] = new PointF((float)face.Landmarks[i].X, (float)face.Landmarks[i].Y);
            }

            var expressions = new Dictionary<string, double>(s_expressionNames.Length);
            for (int i = 0; i < s_expressionNames.Length && i < face.Expressions.Probabilities.Count; i++)
            {
                expressions[s_expressionNames[i]] = face.Expressions.Probabilities[i];
            }

            faces.Add(new ObservedFace
            {
                Box = new RectangleF((float)face.Box.X, (float)face.Box.Y, (float)face.Box.Width, (float)face.Box.Height),
                Score = (float)face.Score,
                Landmarks = points,
                YawDegrees = face.Geometry.YawDegrees,
                PitchDegrees = face.Geometry.PitchDegrees,
                RollDegrees = face.Geometry.RollDegrees,
                Expressions = expressions,
            });
        }

        faces.Sort((a, b) => b.Score.CompareTo(a.Score));
        return new FaceObservation { Faces = faces };
    }
}
