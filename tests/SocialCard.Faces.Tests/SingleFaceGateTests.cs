using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;

namespace SocialCard.Faces.Tests;

/// <summary>
/// <see cref="FaceAnalyzer.AnalyzeSingle"/>: a cheap detector pass kept only for one plausible face. A kept face is
/// exactly what <see cref="FaceAnalyzer.Analyze"/> gives; a second person (found, or only a low-scoring rival), an
/// off-centre face and an empty image all fall through (null).
/// </summary>
public sealed class SingleFaceGateTests
{
    private static readonly SingleFaceGate s_default = new();

    [Theory]
    [InlineData(160)]
    [InlineData(224)]
    [InlineData(352)]
    public void A_single_centred_face_is_kept_exactly_as_Analyze_finds_it(int size)
    {
        using RgbImage image = ReferenceFixture.Load("devset_0458430542").LoadImage();
        var analyzer = new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = size, ScoreThreshold = 0.45 });
        FaceAnalysis full = analyzer.Analyze(image);
        FaceAnalysis? single = analyzer.AnalyzeSingle(image, s_default);
        Assert.NotNull(single);
        DetectedFace expected = Assert.Single(full.Faces);
        DetectedFace actual = Assert.Single(single.Faces);
        Assert.Equal(expected.Box, actual.Box);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Landmarks, actual.Landmarks);
        Assert.Equal(expected.Expressions.Probabilities, actual.Expressions.Probabilities);
    }

    [Theory]
    [InlineData(160)]
    [InlineData(224)]
    public void Two_people_fall_through(int size)
    {
        using RgbImage image = ReferenceFixture.Load("devset_1748655754").LoadImage();
        var analyzer = new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = size, ScoreThreshold = 0.45 });
        Assert.Null(analyzer.AnalyzeSingle(image, s_default));
    }

    [Fact]
    public void A_second_face_under_the_score_threshold_still_counts_as_a_rival()
    {
        using RgbImage image = ReferenceFixture.Load("devset_1748655754").LoadImage();
        FaceAnalysis all = new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = 224, ScoreThreshold = 0.1 }).Analyze(image);
        Assert.True(all.Faces.Count >= 2);
        double first = all.Faces[0].Score, second = all.Faces[1].Score;
        Assert.True(first > second && second > 0.2);

        // A threshold between the two scores: Analyze sees one face, the rival check still sees the other person.
        var analyzer = new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = 224, ScoreThreshold = (first + second) / 2 });
        Assert.Single(analyzer.Analyze(image).Faces);
        var anywhere = new SingleFaceGate { MinCentreX = 0, MaxCentreX = 1, MinWidth = 0, MaxWidth = 10 };
        Assert.Null(analyzer.AnalyzeSingle(image, anywhere));

        // Without the rival check the face is kept only when the position bounds allow it (one of two people sits
        // off-centre).
        var noRival = new SingleFaceGate { RivalThreshold = 0.99, MinCentreX = 0, MaxCentreX = 1, MinWidth = 0, MaxWidth = 10 };
        Assert.NotNull(analyzer.AnalyzeSingle(image, noRival));
        Assert.Null(analyzer.AnalyzeSingle(image, new SingleFaceGate { RivalThreshold = 0.99 }));
    }

    [Fact]
    public void An_empty_image_falls_through()
    {
        using var image = new RgbImage(358, 441);
        image.Pixels.Fill(255);
        var analyzer = new FaceAnalyzer(SharedModels.Models, new FaceAnalyzerOptions { InputSize = 224, ScoreThreshold = 0.45 });
        Assert.Null(analyzer.AnalyzeSingle(image, s_default));
    }
}
