using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Expression;

/// <summary>
/// expression.neutral (表情不自然, 微笑过度): a neutral expression. The Chengdu appendix allows a slight smile but not teeth
/// ("人像需为中性表情，可微笑，但不建议露齿"; failures: 微笑过度, 表情不自然). From the expression net's probabilities: "happy" is at
/// most <c>maxHappy</c> (a broad smile, even with closed lips), each other non-neutral class (sad, angry, fearful,
/// disgusted, surprised) at most <c>maxOtherNonNeutral</c>, and, when set, a smile that shows the teeth fails: visible
/// teeth over <c>maxTeethShare</c> (<see cref="TeethMeasure"/>, shared with mouth.open) while "happy" exceeds
/// <c>maxHappyWithTeeth</c> (teeth without any smile are mouth.open's alone).
/// <para>
/// Calibration (devset, 28 smiles with teeth, 20 compliant and 18 clothing.light photos, default face engine): the
/// compliant and light faces read "happy" up to 0.90 (a closed-lip smile, allowed) and another class up to 0.81
/// ("surprised" on a calm face), so the net alone gives no clean cut at 0.5/0.6; the smiles read "happy" 0.02-1.00 with
/// teeth 0.0015-0.022 (none of the compliant or light faces over 0.0013), but one whose teeth are in shade (teeth 0,
/// happy 1.00). maxHappy 0.97, maxOtherNonNeutral 0.9,
/// maxTeethShare 0.002 with maxHappyWithTeeth 0.01 catch all 28 at detector probe sizes 160, 192, 224 and 352.
/// </para>
/// </summary>
public sealed class NeutralExpressionRule : IPhotoRule
{
    private static readonly (string Name, string Zh)[] s_others =
    [
        ("sad", "悲伤"), ("angry", "生气"), ("fearful", "惊恐"), ("disgusted", "厌恶"), ("surprised", "惊讶"),
    ];

    private static readonly LocalizedText Neutral = new("表情自然", "The expression is neutral.");

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
        bool checkTeeth = settings.TryGet("maxTeethShare", out double maxTeeth) & settings.TryGet("maxHappyWithTeeth", out double maxHappyWithTeeth);
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

        string limit = $"happy <= {RuleFinding.Format(maxHappy, 2)}; other non-neutral <= {RuleFinding.Format(maxOther, 2)}"
            + (checkTeeth ? $"; with teeth > {RuleFinding.Format(maxTeeth, 4)}: happy <= {RuleFinding.Format(maxHappyWithTeeth, 2)}" : string.Empty);
        RuleOutcome broad = settings.Judge("maxHappy", happy, maxHappy, higherIsWorse: true);
        if (broad != RuleOutcome.Pass)
        {
            return RuleFinding.Judged(Id, settings, broad, Neutral, new LocalizedText(
                "表情不自然，笑容过大：可以微笑，但请收起笑容、保持自然平和的表情后重拍",
                "Not a neutral expression: the smile is too broad. A slight smile is fine, but keep a calm, natural face and retake it."),
                happy, limit);
        }

        RuleOutcome teeth = checkTeeth && happy > maxHappyWithTeeth
            ? settings.Judge("maxTeethShare", context.TeethShare, maxTeeth, higherIsWorse: true)
            : RuleOutcome.Pass;
        if (teeth != RuleOutcome.Pass)
        {
            return RuleFinding.Judged(Id, settings, teeth, Neutral, new LocalizedText(
                "表情不自然，露齿微笑：可以微笑，但请闭合嘴唇、不要露出牙齿后重拍",
                "Not a neutral expression: the smile shows the teeth. A slight smile is fine, but keep the lips closed and retake it."),
                happy, limit);
        }

        RuleOutcome calm = settings.Judge("maxOtherNonNeutral", other, maxOther, higherIsWorse: true);
        if (calm == RuleOutcome.Pass)
        {
            return RuleFinding.Pass(Id, Neutral, number: happy, limit: limit);
        }

        return RuleFinding.Judged(Id, settings, calm, Neutral, new LocalizedText(
            $"表情不自然，看起来{zh}：请保持自然平和的表情后重拍",
            $"Not a neutral expression: the face looks {name}. Keep a calm, neutral face and retake it."),
            other, limit);
    }
}
