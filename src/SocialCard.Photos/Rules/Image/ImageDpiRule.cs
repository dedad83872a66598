using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Image;

/// <summary>image.dpi: the stored density (JFIF/EXIF/pHYs) equals the profile's dpi within its tolerance.</summary>
public sealed class ImageDpiRule : IPhotoRule
{
    public string Id => "image.dpi";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (context.Container.Format == ImageFormat.Unknown)
        {
            return RuleFinding.Skip(Id, new LocalizedText("不是图片文件，未检查分辨率", "Not an image; resolution not checked."));
        }

        double want = profile.Image.Dpi;
        double tolerance = profile.Image.DpiTolerance;
        string limit = $"{RuleFinding.Format(want, 0)} dpi";
        double? dpiX = context.Container.DpiX;
        double? dpiY = context.Container.DpiY;
        if (dpiX is null || dpiY is null || dpiX <= 0 || dpiY <= 0)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"图像没有记录分辨率（DPI），要求 {limit}：请在图片软件中把分辨率设为 {limit} 后保存，或使用自动修正",
                $"The image records no resolution (DPI), {limit} required: set the resolution to {limit} and save, or use auto-fix."),
                text: "none", limit: limit);
        }

        double x = dpiX.Value, y = dpiY.Value;
        string actual = Math.Abs(x - y) < 0.01 ? RuleFinding.Format(x) : $"{RuleFinding.Format(x)}x{RuleFinding.Format(y)}";
        if (Math.Abs(x - want) <= tolerance && Math.Abs(y - want) <= tolerance)
        {
            return RuleFinding.Pass(Id, new LocalizedText($"分辨率 {actual} dpi，符合要求", $"Resolution {actual} dpi as required."), number: x, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"分辨率为 {actual} dpi，要求 {limit}：请在图片软件中把分辨率设为 {limit}（像素尺寸不变）后保存，或使用自动修正",
            $"The resolution is {actual} dpi, {limit} required: set it to {limit} (keeping the pixel size) and save, or use auto-fix."),
            number: Math.Abs(x - y) < 0.01 ? x : null, text: Math.Abs(x - y) < 0.01 ? null : actual, limit: limit);
    }
}
