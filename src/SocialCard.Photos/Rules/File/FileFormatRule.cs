using SocialCard.Imaging;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;

namespace SocialCard.Photos.Rules.File;

/// <summary>file.format: the content (sniffed, never the extension) is an allowed container and the extension matches.</summary>
public sealed class FileFormatRule : IPhotoRule
{
    public string Id => "file.format";

    public RuleFinding Evaluate(PhotoContext context, SpecProfile profile)
    {
        RuleSettings settings = profile.Rule(Id);
        ImageFormat format = context.Container.Format;
        string actual = format.ToString().ToLowerInvariant();
        string allowed = string.Join("/", profile.Image.Formats);
        string extensions = string.Join("/", profile.File.Extensions);
        string limit = $"{allowed} ({extensions})";
        string wanted = string.Join("/", profile.Image.Formats).ToUpperInvariant().Replace("JPEG", "JPG", StringComparison.Ordinal);

        if (format == ImageFormat.Unknown)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"文件内容不是图片（无法识别的格式）：请上传 {wanted} 格式的照片",
                $"The file is not an image (unrecognised content): upload a {wanted} photo."), text: "unknown", limit: limit);
        }

        bool formatAllowed = false;
        foreach (string f in profile.Image.Formats)
        {
            if (string.Equals(f, actual, StringComparison.OrdinalIgnoreCase))
            {
                formatAllowed = true;
                break;
            }
        }

        string extension = Path.GetExtension(context.FileName).ToLowerInvariant();
        if (!formatAllowed)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"文件实际是 {format.ToString().ToUpperInvariant()} 格式（扩展名为“{extension}”），要求 {wanted}：请用图片软件另存为 {wanted} 格式后重新上传，或使用自动修正",
                $"The file is really {format.ToString().ToUpperInvariant()} (named '{extension}'), {wanted} is required: save it as {wanted} and upload again, or use auto-fix."),
                text: actual, limit: limit);
        }

        bool extensionAllowed = false;
        foreach (string e in profile.File.Extensions)
        {
            if (string.Equals(e, extension, StringComparison.OrdinalIgnoreCase))
            {
                extensionAllowed = true;
                break;
            }
        }

        if (!extensionAllowed)
        {
            return RuleFinding.Violation(Id, settings, new LocalizedText(
                $"文件扩展名“{extension}”不符合要求（应为 {extensions}）：请将文件重命名为 {extensions} 扩展名",
                $"The file extension '{extension}' is not allowed ({extensions} required): rename the file."),
                text: actual + " " + extension, limit: limit);
        }

        return RuleFinding.Pass(Id, new LocalizedText($"文件格式为 {wanted}", $"The file is a {wanted}."), text: actual, limit: limit);
    }
}
