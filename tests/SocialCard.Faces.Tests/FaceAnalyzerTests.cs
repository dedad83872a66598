using SocialCard.Faces.Models.DenseFaceNet;
using SocialCard.Faces.Models.TinyFaceDetector;
using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;

namespace SocialCard.Faces.Tests;

/// <summary>Analyzer behaviour: steady state allocates nothing in the networks, concurrent use is safe, options are checked.</summary>
public sealed class FaceAnalyzerTests
{
    [Fact]
    public void Networks_allocate_nothing_in_steady_state()
    {
        using RgbImage image = ReferenceFixture.Load("devset_0458430542").LoadImage();
        FaceModels models = SharedModels.Models;
        var detector = new TinyFaceDetectorRunner(models.Detector, 416);
        var dense = new DenseFaceNetRunner();
        detector.Run(image);
        dense.Run(models.Landmark68);
        dense.Run(models.Expression);

        long before = GC.GetAllocatedBytesForCurrentThread();
        detector.Run(image);
        dense.Run(models.Landmark68);
        dense.Run(models.Landmark68Tiny);
        dense.Run(models.Expression);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Concurrent_calls_on_one_analyzer_agree()
    {
        using RgbImage image = ReferenceFixture.Load("devset_1748655754").LoadImage();
        var analyzer = new FaceAnalyzer(SharedModels.Models);
        FaceAnalysis expected = analyzer.Analyze(image);
        Assert.Equal(2, expected.Faces.Count);
        FaceAnalysis[] results = new FaceAnalysis[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = analyzer.Analyze(image));
        foreach (FaceAnalysis r in results)
        {
            Assert.Equal(expected.Faces.Count, r.Faces.Count);
            for (int f = 0; f < r.Faces.Count; f++)
            {
                Assert.Equal(expected.Faces[f].Box, r.Faces[f].Box);
                Assert.Equal(expected.Faces[f].Landmarks, r.Faces[f].Landmarks);
                Assert.Equal(expected.Faces[f].Expressions.Probabilities, r.Faces[f].Expressions.Probabilities);
            }
        }
    }

    [Fact]
    public void Faces_come_highest_score_first_with_consistent_fields()
    {
        using RgbImage image = ReferenceFixture.Load("sample1").LoadImage();
        FaceAnalysis analysis = new FaceAnalyzer(SharedModels.Models).Analyze(image);
        Assert.Equal(3, analysis.Faces.Count);
        Assert.Equal(image.Width, analysis.ImageWidth);
        for (int i = 1; i < analysis.Faces.Count; i++)
        {
            Assert.True(analysis.Faces[i - 1].Score >= analysis.Faces[i].Score);
        }

        foreach (DetectedFace face in analysis.Faces)
        {
            Assert.Equal(1.0, face.Expressions.Probabilities.Sum(), 6);
            Assert.Equal(face.Expressions.Probabilities.Max(), face.Expressions[face.Expressions.Dominant]);
            Assert.InRange(face.Geometry.EyeMidpoint.X, face.Box.X, face.Box.Right);
            Assert.InRange(face.Geometry.EyeMidpoint.Y, face.Box.Y, face.Box.Bottom);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(2048)]
    public void Bad_input_size_is_rejected(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = size }));

    [Fact]
    public void Blank_image_has_no_face()
    {
        using var image = new RgbImage(358, 441);
        image.Pixels.Fill(255);
        Assert.Empty(new FaceAnalyzer(SharedModels.Models).Analyze(image).Faces);
    }
}
