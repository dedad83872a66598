using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.Image;

/// <summary>
/// image.corrupt (图像破损): the file decodes without errors or warnings, a JPEG ends with its EOI marker, and no more
/// than <c>maxTrailingBytes</c> follow it. A file that cannot be decoded at all fails here with the decoder's reason.
/// </summary>
public sealed class ImageCorruptRule : IPhotoRule
{
    public string Id => "image.corrupt";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        if (!settings.TryGet("maxTrailingBytes", out double maxTrailing))
        {
            return RuleFinding.MissingThreshold(Id, "maxTrailingBytes");
        }

        if (!context.HasPixels)
        {
            string reason = context.DecodeError ?? "未知错误 / unknown error";
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "图像无法读取：请重新导出或重新拍摄照片后上传（原因见详情）",
                "The image cannot be read: export or take the photo again and upload it (the reason is under Details)."),
                text: reason, limit: "decodable");
        }

        bool isJpeg = context.Container.Format == ImageFormat.Jpeg;
        if (isJpeg && !context.Container.HasEndMarker)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "图像文件不完整（缺少 JPEG 结束标记，可能是传输或保存中断），照片下部可能残缺：请重新导出或重新上传完整的照片",
                "The image file is incomplete (no JPEG end marker: the transfer or save was cut off) and its lower part may be missing: export or upload the complete photo again."),
                text: "truncated", limit: "complete file");
        }

        if (context.DecodeWarnings.Count > 0)
        {
            string warning = context.DecodeWarnings[0];
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "图像数据有损坏：请重新导出或重新拍摄照片（解码提示见详情）",
                "The image data is damaged: export or take the photo again (the decoder's note is under Details)."),
                text: warning, limit: "no decoder warnings");
        }

        if (context.Container.BytesAfterEnd > maxTrailing)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                "图像结束标记后还有多余数据（文件可能被拼接或损坏）：请用图片软件重新保存后上传",
                "Extra data follows the end of the image (appended or damaged file): save it again with an image editor."),
                number: context.Container.BytesAfterEnd, limit: $"<= {RuleFinding.Format(maxTrailing, 0)} bytes after EOI");
        }

        return RuleFinding.Pass(Id, new LocalizedText("图像完整，可以正常读取", "The image is complete and decodes cleanly."), text: "ok", limit: "decodable");
    }
}
