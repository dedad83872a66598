using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Lighting;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Lighting;

public sealed class UnevenLightingRuleTests
{
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
}
