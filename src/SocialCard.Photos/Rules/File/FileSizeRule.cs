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
        string size = RuleFinding.Format(kb);
        if (spec.MaxKB is { } maxKb && kb > maxKb)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"文件过大（{size} KB，要求 {limit}）：请降低 JPEG 压缩质量重新保存，或使用自动修正",
                $"The file is too large ({size} KB, {limit} required): save it again at a lower JPEG quality, or use auto-fix."),
                number: Math.Round(kb, 1), limit: limit);
        }

        if (spec.MinKB is { } minKb && kb < minKb)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"文件过小（{size} KB，要求 {limit}），画质被压缩过度：请用原始照片以更高质量重新保存，或使用自动修正",
                $"The file is too small ({size} KB, {limit} required) and over-compressed: save the original again at a higher quality, or use auto-fix."),
                number: Math.Round(kb, 1), limit: limit);
        }

        return RuleFinding.Pass(Id, new LocalizedText($"文件大小 {size} KB，符合要求", $"File size {size} KB is within limits."), number: Math.Round(kb, 1), limit: limit);
    }
}
