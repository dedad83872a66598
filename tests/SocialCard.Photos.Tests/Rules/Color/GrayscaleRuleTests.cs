using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Color;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Color;

public sealed class GrayscaleRuleTests
{
    private readonly GrayscaleRule _rule = new();

    [Fact]
    public void Colour_photo_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, TestPhotos.Portrait()).Outcome);

    [Fact]
    public void Grey_picture_stored_as_rgb_fails()
    {
        byte[] photo = TestPhotos.Portrait(image =>
        {
            Span<byte> p = image.Pixels;
            for (int i = 0; i < p.Length; i += 3)
            {
                byte y = (byte)(((77 * p[i]) + (150 * p[i + 1]) + (29 * p[i + 2])) >> 8);
                p[i] = p[i + 1] = p[i + 2] = y;
            }
        });
        RuleFinding finding = TestPhotos.Evaluate(_rule, photo);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.True(finding.Number < 1.0);
    }

    [Fact]
    public void Pale_but_coloured_face_passes()
    {
        byte[] photo = TestPhotos.Portrait(portrait: new SyntheticPortrait { Skin = (236, 214, 200) });
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, photo).Outcome);
    }
}
