using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Background;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Background;

public sealed class BackgroundUniformRuleTests
{
    private readonly BackgroundUniformRule _rule = new();

    [Fact]
    public void Plain_background_passes() =>
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Fact]
    public void Text_in_the_corner_fails_as_foreign_objects()
    {
        byte[] photo = TestPhotos.Portrait(image =>
        {
            // Three rows of "letters" in the upper left corner.
            for (int line = 0; line < 3; line++)
            {
                for (int letter = 0; letter < 5; letter++)
                {
                    ImageEdits.Fill(image, 6 + (letter * 10), 20 + (line * 18), 6, 12, (20, 20, 20));
                }
            }
        });
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("文字", finding.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Shadowed_background_fails()
    {
        // A soft shadow falling across the whole background from left (dark) to right.
        byte[] photo = TestPhotos.Portrait(image => ImageEdits.MapAll(image, (x, _, _, v) => v >= 250 ? 200 + (55.0 * x / image.Width) : v));
        Assert.Equal(RuleOutcome.Fail, TestPhotos.Evaluate(_rule, photo).Outcome);
    }
}
