using System.Globalization;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Contrast;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Profiles;

/// <summary>
/// The review band: a reading within the profile's band of its limit, on either side, is neither passed nor failed but
/// warns ("needs a look by centre staff"); outside the band the limit decides as before; without a band it is sharp.
/// </summary>
public sealed class ReviewBandTests
{
    [Theory]
    [InlineData(0.80, RuleOutcome.Pass)]
    [InlineData(0.77, RuleOutcome.Warn)]
    [InlineData(0.75, RuleOutcome.Warn)]
    [InlineData(0.73, RuleOutcome.Warn)]
    [InlineData(0.70, RuleOutcome.Fail)]
    public void A_reading_near_a_lower_limit_warns_on_both_sides(double value, RuleOutcome expected)
    {
        var settings = new RuleSettings { Bands = new Dictionary<string, double> { ["minBalance"] = 0.025 } };
        Assert.Equal(expected, settings.Judge("minBalance", value, 0.75, higherIsWorse: false));
    }

    [Theory]
    [InlineData(86.0, RuleOutcome.Pass)]
    [InlineData(87.8, RuleOutcome.Warn)]
    [InlineData(88.7, RuleOutcome.Warn)]
    [InlineData(89.0, RuleOutcome.Fail)]
    public void A_reading_near_an_upper_limit_warns_on_both_sides(double value, RuleOutcome expected)
    {
        var settings = new RuleSettings { Bands = new Dictionary<string, double> { ["maxClothingLightness"] = 0.6 } };
        Assert.Equal(expected, settings.Judge("maxClothingLightness", value, 88.2, higherIsWorse: true));
    }

    [Fact]
    public void Without_a_band_the_limit_is_sharp()
    {
        var settings = new RuleSettings();
        Assert.Equal(RuleOutcome.Pass, settings.Judge("minRange", 88, 88, higherIsWorse: false));
        Assert.Equal(RuleOutcome.Fail, settings.Judge("minRange", 87.99, 88, higherIsWorse: false));
    }

    [Fact]
    public void A_rule_warns_for_a_look_by_centre_staff_within_the_profile_band_and_says_why_without_numbers()
    {
        var rule = new LowContrastRule();
        byte[] photo = TestPhotos.Portrait();
        double contrast = TestPhotos.Evaluate(rule, photo).Number!.Value;

        RuleFinding justBelow = TestPhotos.Evaluate(rule, photo, profile: Profile(contrast + 0.02, band: 0.03));
        Assert.Equal(RuleOutcome.Warn, justBelow.Outcome);
        Assert.StartsWith("需人工复核", justBelow.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("对比度过低", justBelow.Message.Zh, StringComparison.Ordinal);
        Assert.StartsWith("Needs a look by centre staff", justBelow.Message.En, StringComparison.Ordinal);
        Assert.DoesNotContain(contrast.ToString(CultureInfo.InvariantCulture), justBelow.Message.Zh, StringComparison.Ordinal);
        Assert.Equal(contrast, justBelow.Number);

        Assert.Equal(RuleOutcome.Warn, TestPhotos.Evaluate(rule, photo, profile: Profile(contrast - 0.02, band: 0.03)).Outcome);
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(rule, photo, profile: Profile(contrast - 0.05, band: 0.03)).Outcome);
        Assert.Equal(RuleOutcome.Fail, TestPhotos.Evaluate(rule, photo, profile: Profile(contrast + 0.05, band: 0.03)).Outcome);
        Assert.Equal(RuleOutcome.Fail, TestPhotos.Evaluate(rule, photo, profile: Profile(contrast + 0.02, band: 0)).Outcome);
    }

    private static SpecProfile Profile(double minContrast, double band) => SpecProfiles.Parse(string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "id": "band-test",
          "basedOn": "suzhou-sscard",
          "rules": { "contrast.low": { "thresholds": { "minContrast": {{minContrast}} }, "bands": { "minContrast": {{band}} } } }
        }
        """));
}
