using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Exposure;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Exposure;

public sealed class UnderExposureRuleTests
{
    private readonly UnderExposureRule _rule = new();

    [Fact]
    public void Well_lit_face_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.4)]
    public void Dim_face_fails(double gain)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, _, v) => v * gain)));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("曝光不足", finding.Message.Zh, StringComparison.Ordinal);
    }

    /// <summary>
    /// A darker skin is not under-exposure: a real face whose skin sends back a fifth of the light (its highlights fall
    /// under the skin-highlight limit) while the whites of its eyes stay as they were passes; the same face with its eyes
    /// dimmed as well (the whole face in a fifth of the light) fails.
    /// </summary>
    [Theory]
    [InlineData(false, RuleOutcome.Pass)]
    [InlineData(true, RuleOutcome.Fail)]
    public void Dark_skin_with_light_eye_whites_is_not_under_exposed(bool dimEyes, RuleOutcome expected)
    {
        using RgbImage image = ImageDecoder.Decode(System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", "1041729198.jpg")));
        ObservedFace face = TestFaceEngine.Detector.Analyze(image)!.Primary!;
        (double x0, double y0, double x1, double y1)[] eyes = [Box(face, 36), Box(face, 42)];
        ImageEdits.MapPerson(image, (x, y, _, v) =>
            !dimEyes && eyes.Any(e => x >= e.x0 && x <= e.x1 && y >= e.y0 && y <= e.y1) ? v : ColorSpace.LinearToSrgb(ColorSpace.LinearTable[v] * 0.2f));
        using PhotoContext context = PhotoContext.Create(TestPhotos.Jpeg(image, 95), TestPhotos.GoodName, TestPhotos.Suzhou, TestFaceEngine.Detector);
        RuleFinding finding = _rule.Evaluate(context, TestPhotos.Suzhou);
        Assert.True(finding.Number < 100, $"skin highlight {finding.Number} should be under the limit");
        Assert.Equal(expected, finding.Outcome);
    }

    private static (double, double, double, double) Box(ObservedFace face, int first)
    {
        var p = face.Landmarks.Skip(first).Take(6).ToList();
        return (p.Min(q => q.X) - 2, p.Min(q => q.Y) - 2, p.Max(q => q.X) + 2, p.Max(q => q.Y) + 2);
    }
}
