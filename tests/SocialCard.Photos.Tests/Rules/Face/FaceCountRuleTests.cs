using SocialCard.Photos.Faces;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Face;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Face;

public sealed class FaceCountRuleTests
{
    private readonly FaceCountRule _rule = new();

    [Fact]
    public void One_face_passes()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, new SyntheticFace().Build());
        Assert.Equal(RuleOutcome.Pass, f.Outcome);
        Assert.Equal(1, f.Number);
    }

    [Fact]
    public void No_face_fails_and_says_so()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, (ObservedFace?)null);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Equal(0, f.Number);
        Assert.Contains("未检测到人脸", f.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("No face", f.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_faces_fail()
    {
        var observation = new FaceObservation { Faces = [new SyntheticFace { Scale = 0.6, Dx = -90 }.Build(), new SyntheticFace { Scale = 0.6, Dx = 90 }.Build()] };
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, observation);
        Assert.Equal(RuleOutcome.Fail, f.Outcome);
        Assert.Equal(2, f.Number);
        Assert.Contains("合影", f.Message.Zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_face_below_the_score_threshold_is_not_counted()
    {
        var observation = new FaceObservation { Faces = [new SyntheticFace().Build(), new SyntheticFace { Score = 0.2f, Scale = 0.3, Dx = 120 }.Build()] };
        Assert.Equal(RuleOutcome.Pass, FaceRuleHarness.Evaluate(_rule, observation).Outcome);
    }

    [Fact]
    public void Without_a_face_engine_it_skips()
    {
        RuleFinding f = FaceRuleHarness.Evaluate(_rule, (FaceObservation?)null);
        Assert.Equal(RuleOutcome.Skip, f.Outcome);
    }
}
