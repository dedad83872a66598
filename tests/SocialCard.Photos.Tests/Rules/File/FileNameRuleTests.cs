using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.File;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.File;

public sealed class FileNameRuleTests
{
    private readonly FileNameRule _rule = new();
    private readonly byte[] _photo = TestPhotos.Portrait();

    [Theory]
    [InlineData("3205001234.jpg")]
    [InlineData("3205001234.JPG")]
    public void Ten_digits_pass(string name) => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, _photo, name).Outcome);

    [Theory]
    [InlineData("320500123.jpg")]
    [InlineData("32050012345.jpg")]
    [InlineData("wang_fang.jpg")]
    [InlineData("3205001234.jpeg")]
    [InlineData("3205001234 .jpg")]
    public void Other_names_fail_with_the_naming_rule_in_the_message(string name)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, _photo, name);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Equal(name, finding.Value);
        Assert.Contains("10位", finding.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_without_naming_rule_skips()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, _photo, "anything.jpg", SpecProfiles.Get(SpecProfiles.National));
        Assert.Equal(RuleOutcome.Skip, finding.Outcome);
    }
}
