using System.Globalization;
using SocialCard.Faces;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Runs the person-segmentation network (<see cref="SelfieSegmenter"/>) once on the upright source: the crop step takes
/// the head top from its matte and the background step cuts the person out with it. Without a network the later steps
/// use the classical wall separation.
/// </summary>
public sealed class SegmentStep(SelfieSegmenter? segmenter) : IFixStep
{
    public string Id => "fix.segment";

    public FixStepResult Apply(FixContext ctx)
    {
        if (segmenter is null || ctx.Source is null)
        {
            return FixStepResult.Skipped(Id, new LocalizedText("未使用人像分割网络", "No person-segmentation network"));
        }

        PersonMask matte = segmenter.Segment(ctx.Source);
        ctx.PersonProbability = matte;
        double share = 0;
        foreach (float p in matte.Probability)
        {
            share += p >= 0.5f ? 1 : 0;
        }

        share /= matte.Probability.Length;
        string pct = (share * 100).ToString("0", CultureInfo.InvariantCulture);
        return FixStepResult.Applied(Id, new LocalizedText($"已分割人像（占画面 {pct}%）", $"Person segmented ({pct}% of the frame)"), "person share", null, share);
    }
}
