using System.Text.Json;
using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;
using Xunit.Abstractions;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// Our forward passes against face-api 1.7.15 on tfjs' cpu backend (fixtures from tools/face-reference), on the very
/// same RGB pixels: boxes, scores, points and probabilities within 1e-3, raw tensors within 1e-4.
/// </summary>
public sealed class FaceApiExactnessTests(ITestOutputHelper output)
{
    private const double OutputTolerance = 1e-3;
    private const double RawTolerance = 1e-4;

    public static TheoryData<string, int> PhotoRuns()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in ReferenceFixture.Names())
        {
            foreach (JsonElement run in ReferenceFixture.Load(name).Runs())
            {
                data.Add(name, run.GetProperty("inputSize").GetInt32());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PhotoRuns))]
    public void Analysis_matches_face_api(string photo, int inputSize)
    {
        ReferenceFixture fixture = ReferenceFixture.Load(photo);
        using RgbImage image = fixture.LoadImage();
        JsonElement[] expected = fixture.Run(inputSize).GetProperty("faces").EnumerateArray().ToArray();

        FaceAnalysis full = new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = inputSize }).Analyze(image);
        FaceAnalysis tiny = new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = inputSize, UseTinyLandmarks = true })
            .Analyze(image);

        Assert.Equal(expected.Length, full.Faces.Count);
        Assert.Equal(expected.Length, tiny.Faces.Count);
        var box = new MaxError();
        var score = new MaxError();
        var points = new MaxError();
        var tinyPoints = new MaxError();
        var expressions = new MaxError();
        for (int f = 0; f < expected.Length; f++)
        {
            JsonElement e = expected[f];
            DetectedFace face = full.Faces[f];
            JsonElement eb = e.GetProperty("box");
            box.Add(eb.GetProperty("x").GetDouble(), face.Box.X, $"face {f} x");
            box.Add(eb.GetProperty("y").GetDouble(), face.Box.Y, $"face {f} y");
            box.Add(eb.GetProperty("width").GetDouble(), face.Box.Width, $"face {f} width");
            box.Add(eb.GetProperty("height").GetDouble(), face.Box.Height, $"face {f} height");
            score.Add(e.GetProperty("score").GetDouble(), face.Score, $"face {f}");
            ComparePoints(e.GetProperty("landmarks"), face, points, f);
            ComparePoints(e.GetProperty("landmarksTiny"), tiny.Faces[f], tinyPoints, f);
            JsonElement[] probs = e.GetProperty("expressions").EnumerateArray().ToArray();
            for (int i = 0; i < FaceExpressions.Count; i++)
            {
                expressions.Add(probs[i].GetDouble(), face.Expressions.Probabilities[i], $"face {f} {(FaceExpression)i}");
            }
        }

        output.WriteLine($"{photo} @ {inputSize}: {expected.Length} face(s)");
        output.WriteLine($"  box   {box}");
        output.WriteLine($"  score {score}");
        output.WriteLine($"  68    {points}");
        output.WriteLine($"  tiny  {tinyPoints}");
        output.WriteLine($"  expr  {expressions}");
        Assert.True(box.Value <= OutputTolerance, "box " + box);
        Assert.True(score.Value <= OutputTolerance, "score " + score);
        Assert.True(points.Value <= OutputTolerance, "landmarks " + points);
        Assert.True(tinyPoints.Value <= OutputTolerance, "tiny landmarks " + tinyPoints);
        Assert.True(expressions.Value <= OutputTolerance, "expressions " + expressions);
    }

    [Fact]
    public void Raw_tensors_match_face_api()
    {
        ReferenceFixture fixture = ReferenceFixture.Names().Select(ReferenceFixture.Load).Single(f => f.Root.TryGetProperty("raw", out _));
        JsonElement raw = fixture.Root.GetProperty("raw");
        using RgbImage image = fixture.LoadImage();
        FaceModels models = SharedModels.Models;

        int inputSize = raw.GetProperty("detectorInputSize").GetInt32();
        var detector = new TinyFaceDetectorRunner(models.Detector, inputSize);
        float[] grid = detector.Run(image).ToArray();
        float[] expectedGrid = ReferenceFixture.Floats(raw.GetProperty("detectorGrid"));
        Assert.Equal(expectedGrid.Length, grid.Length);
        MaxError gridError = Compare(expectedGrid, grid, "grid");

        var analyzer = new FaceAnalyzer(models, new FaceAnalyzerOptions { InputSize = inputSize });
        FaceAnalyzerWorkspace ws = analyzer.Rent();
        Assert.True(analyzer.Detect(ws, image, analyzer.Options.ScoreThreshold) >= 1);
        DetectionCandidate c = ws.Kept[0];
        var box = new FaceBox(c.X * image.Width, c.Y * image.Height, c.Width * image.Width, c.Height * image.Height);

        FacePoint[] points = FaceAnalyzer.Landmarks(ws, image, box, models.Landmark68)!;
        MaxError fc68 = Compare(ReferenceFixture.Floats(raw.GetProperty("landmark68Fc")), LastFc(ws, models.Landmark68, image, box), "fc68");
        MaxError fcTiny = Compare(ReferenceFixture.Floats(raw.GetProperty("landmark68TinyFc")), LastFc(ws, models.Landmark68Tiny, image, box), "fcTiny");
        analyzer.Expressions(ws, image, points);
        float[] logits = ExpressionLogits(ws, models, image, points);
        MaxError expr = Compare(ReferenceFixture.Floats(raw.GetProperty("expressionLogits")), logits, "logits");

        output.WriteLine($"detector grid ({grid.Length} values) {gridError}");
        output.WriteLine($"landmark68 fc {fc68}");
        output.WriteLine($"landmark68 tiny fc {fcTiny}");
        output.WriteLine($"expression logits {expr}");
        Assert.True(gridError.Value <= RawTolerance, "grid " + gridError);
        Assert.True(fc68.Value <= RawTolerance, "fc68 " + fc68);
        Assert.True(fcTiny.Value <= RawTolerance, "fcTiny " + fcTiny);
        Assert.True(expr.Value <= RawTolerance, "logits " + expr);
    }

    private static float[] LastFc(FaceAnalyzerWorkspace ws, DenseFaceNetModel net, RgbImage image, FaceBox box)
    {
        FaceAnalyzer.Landmarks(ws, image, box, net);
        return ws.Dense.Run(net).ToArray(); // input is still the crop: rerun gives the same fc output
    }

    private static float[] ExpressionLogits(FaceAnalyzerWorkspace ws, FaceModels models, RgbImage image, FacePoint[] points)
    {
        new FaceAnalyzer(models).Expressions(ws, image, points);
        return ws.Dense.Run(models.Expression).ToArray();
    }

    private static void ComparePoints(JsonElement expected, DetectedFace face, MaxError error, int f)
    {
        int i = 0;
        foreach (JsonElement p in expected.EnumerateArray())
        {
            error.Add(p[0].GetDouble(), face.Landmarks[i].X, $"face {f} point {i} x");
            error.Add(p[1].GetDouble(), face.Landmarks[i].Y, $"face {f} point {i} y");
            i++;
        }

        Assert.Equal(DetectedFace.LandmarkCount, i);
    }

    private static MaxError Compare(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var error = new MaxError();
        for (int i = 0; i < expected.Length; i++)
        {
            error.Add(expected[i], actual[i], $"{what}[{i}]");
        }

        return error;
    }
}
