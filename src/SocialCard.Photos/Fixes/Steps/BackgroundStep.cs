using System.Globalization;
using SocialCard.Faces;
using SocialCard.Photos.Fixes.Segmentation;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>Puts the person on pure white: cuts the person out with the segmentation network's matte
/// (<see cref="MatteSegmenter"/>: the whole-photo pass and, given the network, a close pass over the crop), else
/// separates it from a plain wall (<see cref="PersonSegmenter"/>), and composites alpha * person + (1 - alpha) * white.
/// Reports the share of wall pixels that were not white before.</summary>
public sealed class BackgroundStep(SelfieSegmenter? segmenter = null) : IFixStep
{
    public string Id => "fix.background";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Output is null || ctx.OutputLandmarks is null || ctx.Valid is null)
        {
            return ctx.Refuse(Id, "pipeline", new LocalizedText("没有裁剪结果", "Nothing cropped"));
        }

        SegmentationResult seg = ctx.PersonProbability is { } matte && ctx.Map is { } map && ctx.Source is { } source
            ? MatteSegmenter.Segment(ctx.Output, ctx.Valid, source, matte, map, segmenter, ctx.OutputLandmarks)
            : PersonSegmenter.Segment(ctx.Output, ctx.Valid, ctx.OutputLandmarks, ctx.OutputHairTop ?? 14);
        ReadOnlySpan<byte> px = ctx.Output.Pixels;
        int wall = 0, notWhite = 0;
        for (int i = 0; i < seg.Mask.Length; i++)
        {
            if (seg.Mask[i] == 0)
            {
                wall++;
                if (px[i * 3] < 250 || px[(i * 3) + 1] < 250 || px[(i * 3) + 2] < 250)
                {
                    notWhite++;
                }
            }
        }

        double share = wall == 0 ? 0 : notWhite / (double)wall;
        ctx.Alpha = seg.Alpha;
        ctx.PersonMask = seg.Mask;
        ctx.WallLab = seg.Wall?.At(ctx.Output.Width / 2.0, 0);
        ctx.Foreground = seg.Foreground;
        ctx.Compose();
        string wallColour = seg.Wall is null ? "?" : FormatLab(seg.Wall.At(ctx.Output.Width / 2.0, 0));
        string pct = (share * 100).ToString("0.#", CultureInfo.InvariantCulture);
        return share < 0.02
            ? FixStepResult.Applied(Id, new LocalizedText($"背景已为白色，边缘已柔化（墙面 {wallColour}）", $"Background already white; edge softened (wall {wallColour})"), "non-white wall share", share, 0)
            : FixStepResult.Applied(Id, new LocalizedText(
                $"人像已置于纯白背景（原背景 {wallColour}，{pct}% 非白）", $"Person put on pure white (wall was {wallColour}, {pct}% non-white)"), "non-white wall share", share, 0);
    }

    private static string FormatLab((float L, float A, float B) lab) =>
        string.Create(CultureInfo.InvariantCulture, $"Lab {lab.L:0},{lab.A:0},{lab.B:0}");
}
