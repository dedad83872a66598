using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.File;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.File;

public sealed class FileSizeRuleTests
{
    private readonly FileSizeRule _rule = new();

    private static byte[] OfKb(double kb)
    {
        byte[] photo = TestPhotos.Portrait(quality: 40);
        var data = new byte[(int)(kb * 1024)];
        photo.AsSpan(0, Math.Min(photo.Length, data.Length)).CopyTo(data);
        return data;
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(25.0)]
    [InlineData(40.0)]
    public void Sizes_in_the_window_pass(double kb)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, OfKb(kb));
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
        Assert.Equal(kb, finding.Number!.Value, 1);
    }

    [Theory]
    [InlineData(9.9, "过小")]
    [InlineData(3.1, "过小")]
    [InlineData(40.1, "过大")]
    [InlineData(100.3, "过大")]
    public void Sizes_outside_the_window_fail(double kb, string word)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, OfKb(kb));
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains(word, finding.Message.Zh, StringComparison.Ordinal);
        Assert.Equal("10-40 KB", finding.Limit);
    }

    [Fact]
    public void Ga461_size_window_is_only_a_warning()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, OfKb(30), profile: SpecProfiles.Get(SpecProfiles.Ga461));
        Assert.Equal(RuleOutcome.Warn, finding.Outcome);
    }

    [Fact]
    public void Chengdu_accepts_up_to_one_megabyte()
    {
        Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, OfKb(900), profile: SpecProfiles.Get(SpecProfiles.Chengdu)).Outcome);
        Assert.Equal(RuleOutcome.Fail, TestPhotos.Evaluate(_rule, OfKb(1100), profile: SpecProfiles.Get(SpecProfiles.Chengdu)).Outcome);
    }
}
