using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Image;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Image;

public sealed class ImageCorruptRuleTests
{
    private readonly ImageCorruptRule _rule = new();
    private readonly byte[] _photo = TestPhotos.Portrait();

    [Fact]
    public void Complete_jpeg_passes() => Assert.Equal(RuleOutcome.Pass, TestPhotos.Evaluate(_rule, _photo).Outcome);

    [Theory]
    [InlineData(0.6)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void Truncated_jpeg_fails(double keep)
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, _photo.AsSpan(0, (int)(_photo.Length * keep)).ToArray());
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Contains("不完整", finding.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_only_fails_as_unreadable()
    {
        RuleFinding finding = TestPhotos.Evaluate(_rule, _photo.AsSpan(0, 200).ToArray());
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
    }

    [Fact]
    public void Bytes_after_the_end_marker_fail()
    {
        byte[] padded = [.. _photo, .. new byte[64]];
        RuleFinding finding = TestPhotos.Evaluate(_rule, padded);
        Assert.Equal(RuleOutcome.Fail, finding.Outcome);
        Assert.Equal(64.0, finding.Number);
    }
}
