using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Lighting;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Lighting;

public sealed class UnevenLightingRuleTests
{
    /// <summary>A compliant devset photo, evenly lit, face turned under 1 degree.</summary>
    private const string EvenlyLit = "1041729198.jpg";

    private readonly UnevenLightingRule _rule = new();

    [Fact]
    public void Even_light_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void One_dark_side_fails_and_names_it(bool left)
    {
        // Darkening ramp from the face centre (x 1.0) to its edge (x 0.45).
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.MapPerson(image, (x, _, _, v) =>
        {
            double d = left ? (179 - x) / 100.0 : (x - 179) / 100.0;
            return d <= 0 ? v : v * (1 - (0.55 * Math.Min(1, d)));
        }));
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains(left ? "左侧" : "右侧", finding.Message.Zh, StringComparison.Ordinal);
    }

    /// <summary>
    /// The reading is the light on each side: a real face whose one half gets 0.55 of the light of the other (linear
    /// light, soft edge at the face centre) reads about 0.55 and fails outright, and the same face with that half at
    /// 0.85 passes. (In gamma-encoded brightness the first side looks 0.76 as bright, which a reading of pixel values
    /// took for nearly even light.)
    /// </summary>
    [Theory]
    [InlineData(0.55, RuleOutcome.Fail)]
    [InlineData(0.85, RuleOutcome.Pass)]
    public void A_face_half_lit_by_a_share_of_the_light_is_judged_by_that_share(double share, RuleOutcome expected)
    {
        using RgbImage image = ImageDecoder.Decode(System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", EvenlyLit)));
        ObservedCentre(image, out double centre);
        ImageEdits.MapAll(image, (x, _, _, v) =>
        {
            double t = Math.Clamp((x - centre + 8) / 16.0, 0, 1);
            double light = 1 - ((1 - share) * t);
            return ColorSpace.LinearToSrgb((float)(ColorSpace.LinearTable[v] * light));
        });
        using PhotoContext context = PhotoContext.Create(TestPhotos.Jpeg(image, 95), TestPhotos.GoodName, TestPhotos.Suzhou, TestFaceEngine.Detector);
        RuleFinding finding = _rule.Evaluate(context, TestPhotos.Suzhou);
        Assert.Equal(expected, finding.Outcome);
        Assert.InRange(finding.Number!.Value, share - 0.1, Math.Min(1, share + 0.1));
    }

    /// <summary>
    /// Skin tone and exposure cancel: the same evenly lit face 0.4 EV darker (as a darker skin reflects less light)
    /// reads within the reading's repeatability of the original.
    /// </summary>
    [Fact]
    public void A_darker_face_under_the_same_light_reads_the_same()
    {
        byte[] stored = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", EvenlyLit));
        using RgbImage image = ImageDecoder.Decode(stored);
        ImageEdits.MapPerson(image, (_, _, _, v) => ColorSpace.LinearToSrgb((float)(ColorSpace.LinearTable[v] * 0.76)));
        using PhotoContext original = PhotoContext.Create(stored, TestPhotos.GoodName, TestPhotos.Suzhou, TestFaceEngine.Detector);
        using PhotoContext darker = PhotoContext.Create(TestPhotos.Jpeg(image, 95), TestPhotos.GoodName, TestPhotos.Suzhou, TestFaceEngine.Detector);
        Assert.NotNull(original.SymmetricLighting);
        Assert.NotNull(darker.SymmetricLighting);
        Assert.InRange(darker.SymmetricLighting.Balance, original.SymmetricLighting.Balance - 0.05, original.SymmetricLighting.Balance + 0.05);
        Assert.Equal(RuleOutcome.Pass, _rule.Evaluate(darker, TestPhotos.Suzhou).Outcome);
    }

    private static void ObservedCentre(RgbImage image, out double centre) =>
        centre = TestFaceEngine.Detector.Analyze(image)!.Primary!.Landmarks[27].X;
}
