using SocialCard.Faces;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Face;

namespace SocialCard.Photos.Rules.Background;

/// <summary>
/// background.cutout (背景替换痕迹): a person cut out onto white shows no damage from the cut-out. Four measures of
/// <see cref="CutOutMeasure"/> on the person-segmentation network's mask: remnants of an old background beside or above
/// the head (share of the background there) at most <c>maxRemnantShare</c>; a halo of the old background's colour
/// around the hair (share of the ring outside the hair) at most <c>maxHaloShare</c>; a cut skull (the head reaching the
/// upper edge, or cut flat across its top) at most <c>maxSkullCut</c>; jagged, blocky edges of the shoulders at most
/// <c>maxJaggedness</c>. Skipped without a face, without the network, when the background is not white
/// (background.color judges that), or when the network does not see a person at the face. The measures are taken on
/// the network's coarse mask first and on its 256 mask only where the coarse reading is near a limit
/// (<see cref="CutOutCascade"/>): the verdict is the 256 mask's on every photo.
/// </summary>
public sealed class CutOutDamageRule : IPhotoRule
{
    public string Id => "background.cutout";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (FaceRequirement.Skip(Id, context, out ObservedFace _) is { } skip)
        {
            return skip;
        }

        if (CutOutLimits.From(settings) is not { } limits)
        {
            return RuleFinding.MissingThreshold(Id, "maxRemnantShare/maxHaloShare/maxSkullCut/maxJaggedness");
        }

        if (!context.CanSegment)
        {
            return RuleFinding.Skip(Id, new LocalizedText("未安装人像分割模型，未检查此项", "The person-segmentation model is not installed; not checked."));
        }

        bool coarse = context.CoarseCutOut is { } reading && CutOutCascade.Decides(reading, limits);
        if ((coarse ? context.CoarseCutOut!.Measure : context.CutOut) is not { } cut)
        {
            return RuleFinding.Skip(Id, new LocalizedText("背景不是白色，或人像分割未识别出人像，未检查抠图痕迹", "The background is not white, or the segmentation does not see the person; cut-out damage not checked."));
        }

        string limit = $"remnant <= {RuleFinding.Format(limits.MaxRemnantShare * 100, 2)}%, halo <= {RuleFinding.Format(limits.MaxHaloShare * 100)}%, " +
            $"skull cut <= {RuleFinding.Format(limits.MaxSkullCut * 100)}%, jagged <= {RuleFinding.Format(limits.MaxJaggedness * 100, 2)}%" +
            (coarse ? $"; read on the {SelfieSegmentationModel.CoarseInputSize}x{SelfieSegmentationModel.CoarseInputSize} mask, clear of every limit" : string.Empty);

        // The first measure over its limit, in the one order the cascade reads too.
        return CutOutCascade.Verdict(cut, limits) switch
        {
            "remnant" => RuleFinding.Violation(Id, settings, new LocalizedText(
                "头部旁边或上方留有原背景的残留（色块、条纹或暗影）：请使用在纯白背景前拍摄的照片，或使用自动修正重新替换背景",
                "Remnants of the old background (coloured patches, stripes or dark areas) are left beside or above the head: use a photo taken in front of a plain white background, or let auto-fix replace the background again."),
                number: cut.RemnantShare, limit: limit),
            "halo" => RuleFinding.Violation(Id, settings, new LocalizedText(
                "头发边缘有一圈原背景的颜色（光晕）：请使用在纯白背景前拍摄的照片，或使用自动修正重新替换背景",
                "The edge of the hair keeps a fringe of the old background's colour (a halo): use a photo taken in front of a plain white background, or let auto-fix replace the background again."),
                number: cut.HaloShare, limit: limit),
            "jagged" => RuleFinding.Violation(Id, settings, new LocalizedText(
                "人像边缘呈锯齿或方块状（抠图粗糙）：请使用在纯白背景前拍摄的照片，或使用自动修正重新替换背景",
                "The outline of the person is jagged or blocky (a rough cut-out): use a photo taken in front of a plain white background, or let auto-fix replace the background again."),
                number: cut.Jaggedness, limit: limit),
            "skull" => RuleFinding.Violation(Id, settings, new LocalizedText(
                "头顶被裁掉或被切成平直的边：请使用头顶完整的原始照片",
                "The top of the head is cut off or cut flat: use an original photo that shows the whole head."),
                number: cut.SkullCut, limit: limit),
            _ => RuleFinding.Pass(Id, new LocalizedText("未见抠图痕迹", "No traces of a cut-out."), number: cut.RemnantShare, limit: limit),
        };
    }
}
