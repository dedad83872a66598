using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Expression;

/// <summary>
/// expression.neutral (表情不自然, 微笑过度): a neutral expression. The Chengdu appendix allows a slight smile but not teeth
/// ("人像需为中性表情，可微笑，但不建议露齿"; failures: 微笑过度, 表情不自然). The expression net's "happy" alone never fails a
/// photo, because a closed-lip smile is allowed and the net reads such smiles anywhere from 0.3 to 0.9: over
/// <c>maxHappy</c> the photo only waits for a look by centre staff. What fails is what the lips show:
/// <list type="bullet">
/// <item>visible teeth over <c>maxTeethShare</c> (<see cref="TeethMeasure"/>: pale pixels as light as the person's own
/// skin inside the inner lips, shared with mouth.open) while "happy" exceeds <c>maxHappyWithTeeth</c> (teeth without any
/// smile are mouth.open's alone), whatever "happy" reads beyond that (a smile with teeth at 0.91 fails);</item>
/// <item>a smile (happy over <c>minSmileHappy</c>) whose lips are parted by more than <c>maxSmileLipGap</c> of the
/// mouth's width (<see cref="ObservedFace.LipGapOfWidth"/>, from the refined face frame's lip landmarks): lips parted
/// over teeth in the mouth's shade, which no pixel test sees;</item>
/// <item>another non-neutral class (sad, angry, fearful, disgusted, surprised) over <c>maxOtherNonNeutral</c>.</item>
/// </list>
/// <para>
/// Calibration (devset, 28 smiles with teeth, 20 compliant and 18 clothing.light photos; bench/CALIBRATION.md): the only
/// compliant smile (a closed-lip one) reads happy 0.58 with its lips parted 0.03 of the mouth width; 27 smiles show
/// teeth 0.0035-0.022 (compliant faces at most 0.0015); the one whose teeth are in shade reads happy 1.00 with the lips
/// parted 0.11 of the width. Calm faces read "surprised" up to 0.81.
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

        bool checkParted = settings.TryGet("minSmileHappy", out double minSmile) & settings.TryGet("maxSmileLipGap", out double maxGap);
        string limit = $"happy <= {RuleFinding.Format(maxHappy, 2)} (else review); other non-neutral <= {RuleFinding.Format(maxOther, 2)}"
            + (checkTeeth ? $"; with teeth > {RuleFinding.Format(maxTeeth, 4)}: happy <= {RuleFinding.Format(maxHappyWithTeeth, 2)}" : string.Empty)
            + (checkParted ? $"; smiling (happy > {RuleFinding.Format(minSmile, 2)}): lip gap / mouth width <= {RuleFinding.Format(maxGap, 3)}" : string.Empty);
        RuleOutcome teeth = checkTeeth && happy > maxHappyWithTeeth
            ? settings.Judge("maxTeethShare", context.TeethShare, maxTeeth, higherIsWorse: true)
            : RuleOutcome.Pass;
        if (teeth != RuleOutcome.Pass)
        {
            return RuleFinding.Judged(Id, settings, teeth, Neutral, new LocalizedText(
                "表情不自然，露齿微笑：可以微笑，但请闭合嘴唇、不要露出牙齿后重拍",
                "Not a neutral expression: the smile shows the teeth. A slight smile is fine, but keep the lips closed and retake it."),
                context.TeethShare, limit);
        }

        RuleOutcome parted = checkParted && happy > minSmile && face.LipGapOfWidth is { } gap
            ? settings.Judge("maxSmileLipGap", gap, maxGap, higherIsWorse: true)
            : RuleOutcome.Pass;
        if (parted != RuleOutcome.Pass)
        {
            return RuleFinding.Judged(Id, settings, parted, Neutral, new LocalizedText(
                "表情不自然，张嘴微笑：可以微笑，但请闭合嘴唇、不要露出牙齿后重拍",
                "Not a neutral expression: the lips are parted in a smile. A slight smile is fine, but keep the lips closed and retake it."),
                face.LipGapOfWidth, limit);
        }

        // "happy" alone fails nothing: a broad closed-lip smile is allowed, so the most it earns is a look by centre staff.
        RuleOutcome broad = settings.Judge("maxHappy", happy, maxHappy, higherIsWorse: true);
        if (broad != RuleOutcome.Pass)
        {
            return RuleFinding.Judged(Id, settings, RuleOutcome.Warn, Neutral, new LocalizedText(
                "笑容较大：可以微笑，但请确认嘴唇闭合、没有露出牙齿",
                "A broad smile: a smile is fine, but check that the lips are closed and no teeth show."),
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
