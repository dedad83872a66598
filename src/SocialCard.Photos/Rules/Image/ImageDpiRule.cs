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
                "图像没有记录分辨率（DPI）：请在图片软件中按规格设置分辨率后保存，或使用自动修正（分辨率要求见详情）",
                "The image records no resolution (DPI): set the resolution the specification asks for and save, or use auto-fix (the required resolution is under Details)."),
                text: "none", limit: limit);
        }

        double x = dpiX.Value, y = dpiY.Value;
        string actual = Math.Abs(x - y) < 0.01 ? RuleFinding.Format(x) : $"{RuleFinding.Format(x)}x{RuleFinding.Format(y)}";
        if (Math.Abs(x - want) <= tolerance && Math.Abs(y - want) <= tolerance)
        {
            return RuleFinding.Pass(Id, new LocalizedText("分辨率符合要求", "The resolution is as required."), number: x, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            "分辨率不符合规格：请在图片软件中按规格设置分辨率（像素尺寸不变）后保存，或使用自动修正（分辨率要求见详情）",
            "The resolution does not match the specification: set it as required (keeping the pixel size) and save, or use auto-fix (the required resolution is under Details)."),
            number: Math.Abs(x - y) < 0.01 ? x : null, text: Math.Abs(x - y) < 0.01 ? null : actual, limit: limit);
    }
}
