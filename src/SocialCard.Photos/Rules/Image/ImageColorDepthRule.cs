using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Image;

/// <summary>image.color-depth: the stored components and bits per sample give the profile's depth (3 x 8 = 24-bit colour).</summary>
public sealed class ImageColorDepthRule : IPhotoRule
{
    public string Id => "image.color-depth";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        int components = context.Container.Components;
        int bits = context.Container.BitsPerSample;
        if (context.Container.Format == ImageFormat.Unknown || components <= 0 || bits <= 0)
        {
            return RuleFinding.Skip(Id, new LocalizedText("无法读取颜色位深，未检查此项", "The colour depth could not be read; not checked."));
        }

        int wantDepth = profile.Image.Components * profile.Image.BitsPerSample;
        int depth = components * bits;
        string limit = $"{wantDepth}-bit ({profile.Image.Components} x {profile.Image.BitsPerSample})";
        if (components == profile.Image.Components && bits == profile.Image.BitsPerSample)
        {
            return RuleFinding.Pass(Id, new LocalizedText("真彩色，符合要求", "True colour as required."), number: depth, limit: limit);
        }

        string kindZh = components switch
        {
            1 => "灰度（单通道）图像",
            2 => "灰度加透明通道图像",
            4 => "四通道（CMYK 或带透明通道）图像",
            _ => "非 RGB 真彩色图像",
        };
        string kindEn = components switch
        {
            1 => "a greyscale (single channel) image",
            2 => "a greyscale image with alpha",
            4 => "a four-channel (CMYK or alpha) image",
            _ => "not an RGB true-colour image",
        };
        return RuleFinding.Violation(Id, settings, new LocalizedText(
            $"照片是{kindZh}，要求 RGB 真彩色（详情见规格）：请用彩色原片以 RGB 模式重新保存（黑白照片需重新拍摄彩色照片）",
            $"The photo is {kindEn}; RGB true colour is required (see Details): save the colour original in RGB mode (a black-and-white photo must be retaken in colour)."),
            number: depth, limit: limit);
    }
}
