using System.Drawing;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Fixes.FaceEngine;

/// <summary>
/// <see cref="IFaceDetector"/> over SocialCard.Faces' <see cref="FaceAnalyzer"/> (thread-safe like the analyzer):
/// boxes, scores, 68 landmarks, pose from <see cref="FaceGeometry"/>, expression probabilities by lower-case name.
/// </summary>
public sealed class FaceAnalyzerDetector : IFaceDetector
{
    private static readonly string[] s_expressionNames = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"];
    private readonly FaceAnalyzer _analyzer;

    public FaceAnalyzerDetector(FaceAnalyzer analyzer) => _analyzer = analyzer;

    /// <summary>Loads the models from the default location (see <see cref="FaceModels.Load(string?)"/>).</summary>
    public static FaceAnalyzerDetector LoadDefault(string? modelDirectory = null) => new(new FaceAnalyzer(FaceModels.Load(modelDirectory)));

    public FaceObservation? Analyze(RgbImage image)
    {
        FaceAnalysis analysis = _analyzer.Analyze(image);
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
