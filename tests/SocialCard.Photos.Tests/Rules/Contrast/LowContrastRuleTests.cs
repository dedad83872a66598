using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Contrast;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Contrast;

public sealed class LowContrastRuleTests
{
    private readonly LowContrastRule _rule = new();

    [Fact]
    public void Normal_contrast_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    /// <summary>At x0.3 the range is far below the limit; at x0.4 it lies within the review band of it (a look by
    /// centre staff) or below: either way it is not passed.</summary>
    [Theory]
    [InlineData(0.3, true)]
    [InlineData(0.4, false)]
    public void Compressed_contrast_fails(double factor, bool clearly)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (_, _, _, v) => 150 + ((v - 150) * factor))));
        Assert.True(clearly ? finding.Outcome == RuleOutcome.Fail : finding.Outcome is RuleOutcome.Fail or RuleOutcome.Warn, $"{finding.Outcome} at range {finding.Number}");
        Assert.Contains("对比度过低", finding.Message.Zh, StringComparison.Ordinal);
    }

    /// <summary>
    /// A compliant devset photo with everything at 0.55 of its level (a darker skin tone, or less light, as the face's
    /// own level goes): its luma range shrinks to about half, under what the rule once asked for (88 levels), but its
    /// features are as distinct for their level: not low contrast (whether the photo is too dark is the exposure rule's
    /// question).
    /// </summary>
    [Fact]
    public void A_darker_face_with_the_same_contrast_for_its_level_passes()
    {
        byte[] stored = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", "0458430542.jpg"));
        using RgbImage image = ImageDecoder.Decode(stored);
        ImageEdits.MapAll(image, (_, _, _, v) => v * 0.55);
        RuleFinding normal = FaceEvaluate(stored);
        RuleFinding darker = FaceEvaluate(TestPhotos.Jpeg(image, 95));
        Assert.Equal(RuleOutcome.Pass, normal.Outcome);
        Assert.Equal(RuleOutcome.Pass, darker.Outcome);
        Assert.InRange(darker.Number!.Value, normal.Number!.Value - 0.05, normal.Number.Value + 0.05);
    }

    private RuleFinding FaceEvaluate(byte[] photo)
    {
        using PhotoContext context = PhotoContext.Create(photo, TestPhotos.GoodName, TestPhotos.Suzhou, TestFaceEngine.Detector);
        return _rule.Evaluate(context, TestPhotos.Suzhou);
    }
}
