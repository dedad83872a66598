using SocialCard.Web.Features.Wizard;

namespace SocialCard.Web.Tests.Wizard;

public sealed class IdCardImageCheckerTests
{
    private readonly IdCardImageChecker _checker = new();

    [Fact]
    public void A_straight_sharp_card_filling_the_frame_passes()
    {
        IdCardImageCheck check = _checker.Check(SyntheticIdCard.Jpeg());
        Assert.True(check.Passed, string.Join("; ", check.Items.Select(i => i.En)));
        Assert.InRange(check.Aspect, 1.5, 1.65);
        Assert.InRange(Math.Abs(check.SkewDegrees), 0, 1.5);
        Assert.NotNull(check.Jpeg);
    }

    [Fact]
    public void Not_an_image_fails_as_unreadable()
    {
        IdCardImageCheck check = _checker.Check("这不是图片 not an image"u8.ToArray());
        Assert.False(check.Passed);
        Assert.Equal("idcard.readable", Assert.Single(check.Items).RuleId);
        Assert.Null(check.Jpeg);
    }

    [Fact]
    public void A_tiny_image_fails_readability()
    {
        IdCardImageCheck check = _checker.Check(SyntheticIdCard.Jpeg(300, 189));
        Assert.Contains(check.Items, i => i.RuleId == "idcard.readable" && !i.Passed);
    }

    [Fact]
    public void A_portrait_picture_fails_the_aspect_rule()
    {
        IdCardImageCheck check = _checker.Check(SyntheticIdCard.Jpeg(540, 856));
        Assert.Contains(check.Items, i => i.RuleId == "idcard.aspect" && !i.Passed);
    }

    [Fact]
    public void A_small_card_on_a_table_fails_the_fill_rule()
    {
        IdCardImageCheck check = _checker.Check(SyntheticIdCard.Jpeg(1200, 760, cardScale: 0.45));
        Assert.Contains(check.Items, i => i.RuleId == "idcard.fill" && !i.Passed);
        Assert.Contains(check.Items, i => i.RuleId == "idcard.aspect" && i.Passed);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-12)]
    public void A_skewed_card_fails_the_skew_rule(double angle)
    {
        IdCardImageCheck check = _checker.Check(SyntheticIdCard.Jpeg(angleDegrees: angle, cardScale: 0.9));
        Assert.Contains(check.Items, i => i.RuleId == "idcard.skew" && !i.Passed);
        Assert.InRange(Math.Abs(check.SkewDegrees), Math.Abs(angle) - 2, Math.Abs(angle) + 2);
    }

    [Fact]
    public void A_slightly_rotated_card_passes_the_skew_rule()
    {
        IdCardImageCheck check = _checker.Check(SyntheticIdCard.Jpeg(angleDegrees: 2, cardScale: 0.97));
        Assert.Contains(check.Items, i => i.RuleId == "idcard.skew" && i.Passed);
    }

    [Fact]
    public void A_blurred_card_fails_the_sharpness_rule()
    {
        IdCardImageCheck sharp = _checker.Check(SyntheticIdCard.Jpeg());
        IdCardImageCheck blurred = _checker.Check(SyntheticIdCard.Jpeg(blurRadius: 6));
        Assert.Contains(blurred.Items, i => i.RuleId == "idcard.sharpness" && !i.Passed);
        Assert.True(sharp.Sharpness > 4 * blurred.Sharpness, $"sharp {sharp.Sharpness} vs blurred {blurred.Sharpness}");
    }
}
