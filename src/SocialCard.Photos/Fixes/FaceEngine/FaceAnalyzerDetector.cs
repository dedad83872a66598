using System.Drawing;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Fixes.FaceEngine;

/// <summary>
/// <see cref="IFaceDetector"/> over SocialCard.Faces' <see cref="FaceAnalyzer"/> (thread-safe like the analyzer: each
/// analyzer keeps a pool of per-call workspaces): boxes, scores, 68 landmarks, pose from <see cref="FaceGeometry"/>,
/// expression probabilities by lower-case name.
/// <para>
/// With several analyzers (a cascade of detector input sizes) the first one that finds a face gives the observation:
/// the TinyFaceDetector's score swings with the input scale, and on the 358 x 441 devset no single size finds every
/// face (416 misses 17 of the 421 photos' faces, e.g. the very large ones; 352 misses 12), while 352 -> 288 -> 224 -> 416
/// at a score threshold of 0.45 finds exactly the expected faces on every devset photo (none on the blank silhouettes,
/// both of two people). The later sizes only run when the earlier ones found nothing.
/// </para>
/// </summary>
public sealed class FaceAnalyzerDetector : IFaceDetector
{
    /// <summary>Detector input sizes of the default cascade, tried in order until one finds a face.</summary>
    public static readonly IReadOnlyList<int> DefaultInputSizes = [352, 288, 224, 416];

    /// <summary>Detector score threshold of the default cascade.</summary>
    public const double DefaultScoreThreshold = 0.45;

    private static readonly string[] s_expressionNames = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"];
    private readonly FaceAnalyzer[] _analyzers;

    /// <summary>One analyzer, its options as given (no cascade).</summary>
    public FaceAnalyzerDetector(FaceAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzers = [analyzer];
    }

    /// <summary>The default cascade (<see cref="DefaultInputSizes"/>, <see cref="DefaultScoreThreshold"/>) over loaded weights.</summary>
    public FaceAnalyzerDetector(FaceModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _analyzers = [.. DefaultInputSizes.Select(size => new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = size, ScoreThreshold = DefaultScoreThreshold }))];
    }

    /// <summary>Loads the models from the default location (see <see cref="FaceModels.Load(string?)"/>) into the default cascade.</summary>
    /// <exception cref="ModelFormatException">The weights are missing or altered (the message names ./setup.sh).</exception>
    public static FaceAnalyzerDetector LoadDefault(string? modelDirectory = null) => new(FaceModels.Load(modelDirectory));

    public FaceObservation? Analyze(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        FaceAnalysis analysis = _analyzers[0].Analyze(image);
        for (int i = 1; i < _analyzers.Length && analysis.Faces.Count == 0; i++)
        {
            analysis = _analyzers[i].Analyze(image);
        }

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
