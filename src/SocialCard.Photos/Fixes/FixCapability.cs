using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes;

/// <summary>
/// Which failing rules the automatic fix can repair: the one list the pages ask before they offer the one-click fix.
/// A photo is worth a fix only when it fails at least one rule and every failing rule is in <see cref="Repairable"/>;
/// anything else (a smile with teeth, closed eyes, a turned head, a black-and-white or damaged photo, two people, a
/// double image, a light top, a real blur, a recaptured photo) is the subject or the source, which the fix refuses
/// rather than fabricate. <c>FixCapabilityTests</c> fixes every devset photo of each label to keep the list honest:
/// a listed label must come out fixed in at least a third of its photos, an unlisted one never. Left out for that
/// reason (development figures, suzhou-sscard): face.size (4/18 fixed: an enlarged small face fails the cut-out
/// rule), contrast.low (2/18: the fix does not restore contrast, and the re-check refuses the other 16 for it),
/// exposure.over (0/18),
/// image.color-depth (0/17: grey-scale files), background.cutout (a skull already cut flat cannot be grown back).
/// </summary>
public static class FixCapability
{
    /// <summary>Rule ids the fix repairs: the container and the file (re-encoded and renamed), the geometry (crop and
    /// levelled eyes), the background (the person cut out onto white), under-exposure, side lighting and colour cast.</summary>
    public static IReadOnlySet<string> Repairable { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "file.format",
        "file.name",
        "file.size",
        "image.dimensions",
        "image.dpi",
        "background.color",
        "background.uniform",
        "color.cast",
        "exposure.under",
        "lighting.uneven",
        "face.position",
        "pose.roll",
    };

    /// <summary>True when <paramref name="failingRules"/> is not empty and the fix can repair every one of them.</summary>
    public static bool CanRepair(IEnumerable<string> failingRules)
    {
        ArgumentNullException.ThrowIfNull(failingRules);
        bool any = false;
        foreach (string rule in failingRules)
        {
            if (!Repairable.Contains(rule))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>True when <paramref name="report"/> fails and the fix can repair every rule it fails.</summary>
    public static bool CanRepair(PhotoReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CanRepair(report.Failures.Select(f => f.Rule));
    }

    /// <summary>
    /// Why a fix was refused, in the words of a clerk or an applicant: what is wrong with the photo and what to do,
    /// without figures (the refusal's own reason, with its measures, goes behind 详情).
    /// </summary>
    public static LocalizedText Explain(FixRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        string code = refusal.Code;
        if (code.StartsWith("recheck:", StringComparison.Ordinal))
        {
            return new LocalizedText("自动修正后的照片仍不符合要求，请重新拍摄。", "Even after the automatic fix the photo does not meet the requirements; take a new one.");
        }

        return code switch
        {
            "expression.neutral" or "mouth.open" => new LocalizedText(
                "照片中的人露齿微笑或张着嘴，自动修正不能改变表情。请重新拍摄闭嘴、表情自然的照片。",
                "The person smiles with the teeth showing or has the mouth open; a fix cannot change the expression. Take a new photo with the mouth closed and a neutral face."),
            "face.eyes-closed" => new LocalizedText("照片中的人闭着眼睛，请重新拍摄睁眼的照片。", "The eyes are closed; take a new photo with the eyes open."),
            "pose.yaw" => new LocalizedText("头部侧转，自动修正不能把脸转正。请正对镜头重新拍摄。", "The head is turned; a fix cannot turn it. Take a new photo facing the camera."),
            "pose.roll" => new LocalizedText("头部歪斜过多，请摆正头部重新拍摄。", "The head is tilted too far; take a new photo with the head upright."),
            "face.none" or "face.landmarks" => new LocalizedText("照片中找不到清晰的正脸，请重新拍摄清晰的正面免冠照。", "No clear frontal face was found; take a new, sharp frontal photo."),
            "face.several" or "person.several" => new LocalizedText("照片中不止一人，证件照只能有本人。请单独拍摄。", "The photo shows more than one person; an ID photo shows the person alone."),
            "image.monochrome" => new LocalizedText("这是黑白照片，自动修正不能补出颜色。请提供彩色照片。", "This is a black-and-white photo; a fix cannot invent its colours. Provide a colour photo."),
            "image.truncated" or "image.undecodable" => new LocalizedText("照片文件损坏或不完整，请重新导出或拍摄后上传。", "The photo file is damaged or incomplete; export or take it again and upload it."),
            "sharpness.blur" => new LocalizedText("照片太模糊，自动修正无法变清晰。请重新拍摄清晰的照片。", "The photo is too blurred to sharpen; take a new, sharp photo."),
            "sharpness.ghost" => new LocalizedText("照片有重影，请重新拍摄。", "The photo shows a double image; take a new one."),
            "shoulders.missing" => new LocalizedText("照片没有拍全头部和双肩，自动修正不能补画身体。请重新拍摄露出双肩的正面照。", "The photo does not show the head and both shoulders; a fix cannot paint in the body. Take a new frontal photo that shows both shoulders."),
            "shoulders.level" => new LocalizedText("双肩明显一边高一边低，自动修正不能摆正身体。请坐正、双肩放平后重新拍摄。", "One shoulder is clearly higher than the other; a fix cannot straighten the body. Sit upright with the shoulders level and take a new photo."),
            "source.too-small" => new LocalizedText("照片中的人脸太小，放大后会不清晰。请靠近一些重新拍摄。", "The face is too small: enlarged, it would not be sharp. Take a new photo from closer."),
            _ => new LocalizedText("这张照片无法自动修正，请重新拍摄。", "This photo cannot be fixed automatically; take a new one."),
        };
    }
}
