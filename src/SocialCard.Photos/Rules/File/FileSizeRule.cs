using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.File;

/// <summary>file.size: the byte count lies in the profile's KB window.</summary>
public sealed class FileSizeRule : IPhotoRule
{
    public string Id => "file.size";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        FileSpec spec = profile.File;
        double kb = context.Data.Length / (double)Math.Max(1, spec.BytesPerKB);
        string limit = (spec.MinKB, spec.MaxKB) switch
        {
            ({ } min, { } max) => $"{RuleFinding.Format(min)}-{RuleFinding.Format(max)} KB",
            ({ } min, null) => $">= {RuleFinding.Format(min)} KB",
            (null, { } max) => $"<= {RuleFinding.Format(max)} KB",
            _ => "any",
        };
        if (spec.MaxKB is { } maxKb && kb > maxKb)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "文件过大：请降低 JPEG 压缩质量重新保存，或使用自动修正（大小要求见详情）",
                "The file is too large: save it again at a lower JPEG quality, or use auto-fix (the required size is under Details)."),
                number: Math.Round(kb, 1), limit: limit);
        }

        if (spec.MinKB is { } minKb && kb < minKb)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "文件过小，画质被压缩过度：请用原始照片以更高质量重新保存，或使用自动修正（大小要求见详情）",
                "The file is too small and over-compressed: save the original again at a higher quality, or use auto-fix (the required size is under Details)."),
                number: Math.Round(kb, 1), limit: limit);
        }

        return RuleFinding.Pass(Id, new LocalizedText("文件大小符合要求", "The file size is within limits."), number: Math.Round(kb, 1), limit: limit);
    }
}
