using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Image;

/// <summary>image.dimensions: exactly the profile's width x height in pixels.</summary>
public sealed class ImageDimensionsRule : IPhotoRule
{
    public string Id => "image.dimensions";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        int width = context.SourceWidth;
        int height = context.SourceHeight;
        if (width <= 0 || height <= 0)
        {
            return RuleFinding.Skip(Id, new LocalizedText("无法读取图像尺寸，未检查此项", "The pixel size could not be read; not checked."));
        }

        int wantW = profile.Image.Width, wantH = profile.Image.Height;
        string actual = $"{width}x{height}";
        string limit = $"{wantW}x{wantH}";
        if (width == wantW && height == wantH)
        {
            return RuleFinding.Pass(Id, new LocalizedText("图像尺寸符合要求", "The pixel size is as required."), text: actual, limit: limit);
        }

        if (width == wantH && height == wantW)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "照片被横置（宽和高对调了）：请把照片转正后重新保存，或使用自动修正",
                "The photo lies on its side (width and height swapped): rotate it upright and save again, or use auto-fix."),
                text: actual, limit: limit);
        }

        return RuleFinding.Violation(Id, settings, new LocalizedText(
            "图像尺寸（像素宽高）不符合规格：请按规格裁剪并缩放，或使用自动修正（尺寸要求见详情）",
            "The pixel size does not match the specification: crop and scale it to size, or use auto-fix (the required size is under Details)."),
            text: actual, limit: limit);
    }
}
