using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Expression;

/// <summary>
/// expression.neutral (表情夸张, 大笑): a neutral expression. From the expression net's probabilities: "happy" is at
/// most <c>maxHappy</c>, and each other non-neutral class (sad, angry, fearful, disgusted, surprised) at most
/// <c>maxOtherNonNeutral</c>.
/// </summary>
public sealed class NeutralExpressionRule : IPhotoRule
{
    private static readonly (string Name, string Zh)[] s_others =
    [
        ("sad", "悲伤"), ("angry", "生气"), ("fearful", "惊恐"), ("disgusted", "厌恶"), ("surprised", "惊讶"),
    ];

    public string Id => "expression.neutral";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace face) is { } skip)
        {
            return skip;
        }

        if (!settings.TryGet("maxHappy", out double maxHappy) || !settings.TryGet("maxOtherNonNeutral", out double maxOther))
        {
            return RuleFinding.MissingThreshold(Id, "maxHappy/maxOtherNonNeutral");
        }

        if (face.Expressions.Count == 0)
        {
            return RuleFinding.Skip(Id, new LocalizedText("人脸引擎未给出表情，未检查此项", "The face engine gave no expression; not checked."));
        }

        double happy = face.Expression("happy");
        (string name, string zh) = s_others[0];
        double other = face.Expression(name);
        foreach ((string n, string z) in s_others)
        {
            double p = face.Expression(n);
            if (p > other)
            {
                (name, zh, other) = (n, z, p);
            }
        }

        string limit = $"happy <= {RuleFinding.Format(maxHappy, 2)}; other non-neutral <= {RuleFinding.Format(maxOther, 2)}";
        if (happy > maxHappy)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"表情不自然：面带笑容（微笑概率 {RuleFinding.Format(happy * 100, 0)}%，要求不超过 {RuleFinding.Format(maxHappy * 100, 0)}%）：请保持自然平和的表情、不要笑，然后重拍",
                $"Not a neutral expression: the person smiles (happy {RuleFinding.Format(happy * 100, 0)}%, at most {RuleFinding.Format(maxHappy * 100, 0)}% allowed): keep a calm, neutral face without smiling and retake it."),
                number: happy, limit: limit);
        }

        if (other > maxOther)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"表情不自然：呈现{zh}表情（概率 {RuleFinding.Format(other * 100, 0)}%，要求不超过 {RuleFinding.Format(maxOther * 100, 0)}%）：请保持自然平和的表情后重拍",
                $"Not a neutral expression: the face looks {name} ({RuleFinding.Format(other * 100, 0)}%, at most {RuleFinding.Format(maxOther * 100, 0)}% allowed): keep a calm, neutral face and retake it."),
                number: other, limit: limit);
        }

        return RuleFinding.Pass(Id, new LocalizedText("表情自然", "The expression is neutral."), number: happy, limit: limit);
    }
}
