using System.Globalization;
using System.Net;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos;
using SocialCard.Photos.Rules;

namespace SocialCard.Cli.Output;

/// <summary>
/// A self-contained HTML page: each photo's thumbnail next to its findings in Chinese (English below). Browsers show
/// JPEG and PNG as they are; other readable formats are re-encoded as JPEG for the thumbnail.
/// </summary>
internal static class HtmlReportWriter
{
    internal static void Write(TextWriter writer, string profileId, IReadOnlyList<(PhotoReport Report, byte[]? Bytes)> photos)
    {
        int pass = photos.Count(p => p.Report.Verdict == PhotoVerdict.Pass);
        int warn = photos.Count(p => p.Report.Verdict == PhotoVerdict.Warn);
        int fail = photos.Count(p => p.Report.Verdict == PhotoVerdict.Fail);
        int error = photos.Count(p => p.Report.Verdict == PhotoVerdict.Error);

        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine("<title>照片预审报告 / Photo pre-review report</title><style>");
        writer.WriteLine("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:1.5em;color:#222}");
        writer.WriteLine(".photo{display:flex;gap:1em;border-bottom:1px solid #ddd;padding:.8em 0}.photo img{width:120px;height:auto;border:1px solid #ccc;background:#fafafa}");
        writer.WriteLine(".v{font-weight:bold;padding:.1em .5em;border-radius:3px}.pass{background:#d8f5d8}.warn{background:#fff1c2}.fail{background:#ffd6d6}.error{background:#e4d6ff}");
        writer.WriteLine("ul{margin:.3em 0;padding-left:1.2em}.en{color:#777;font-size:.9em}.file{font-family:monospace}</style></head><body>");
        writer.WriteLine($"<h1>照片预审报告 <span class=\"en\">Photo pre-review report</span></h1>");
        writer.WriteLine($"<p>规范 / profile: <b>{Encode(profileId)}</b> · 共 {photos.Count} 张：合格 {pass}，警告 {warn}，不合格 {fail}，无法读取 {error}</p>");
        foreach ((PhotoReport report, byte[]? bytes) in photos)
        {
            string verdict = report.Verdict.ToString().ToLowerInvariant();
            writer.WriteLine("<div class=\"photo\">");
            string? thumbnail = Thumbnail(bytes);
            writer.WriteLine(thumbnail is null ? "<div style=\"width:120px\">（无预览）</div>" : $"<img alt=\"\" src=\"{thumbnail}\">");
            writer.WriteLine($"<div><div class=\"file\">{Encode(report.File)}</div><span class=\"v {verdict}\">{VerdictZh(report.Verdict)} / {verdict}</span><ul>");
            foreach (RuleFinding finding in report.Findings.Where(f => f.Outcome is RuleOutcome.Fail or RuleOutcome.Warn))
            {
                string value = finding.Value is null ? string.Empty : $"（测得 {Encode(Convert.ToString(finding.Value, CultureInfo.InvariantCulture) ?? string.Empty)}，要求 {Encode(finding.Limit)}）";
                writer.WriteLine($"<li><b>{Encode(finding.Rule)}</b>：{Encode(finding.Message.Zh)}{value}<div class=\"en\">{Encode(finding.Message.En)}</div></li>");
            }

            writer.WriteLine("</ul></div></div>");
        }

        writer.WriteLine("</body></html>");
    }

    private static string? Thumbnail(byte[]? bytes)
    {
        if (bytes is null)
        {
            return null;
        }

        ImageFormat format = ImageFormatSniffer.Detect(bytes);
        if (format == ImageFormat.Jpeg)
        {
            return "data:image/jpeg;base64," + Convert.ToBase64String(bytes);
        }

        if (format == ImageFormat.Png)
        {
            return "data:image/png;base64," + Convert.ToBase64String(bytes);
        }

        try
        {
            using RgbImage image = ImageDecoder.Decode(bytes);
            return "data:image/jpeg;base64," + Convert.ToBase64String(JpegEncoder.Encode(image));
        }
        catch (InvalidImageContentException)
        {
            return null;
        }
    }

    private static string VerdictZh(PhotoVerdict verdict) => verdict switch
    {
        PhotoVerdict.Pass => "合格",
        PhotoVerdict.Warn => "警告",
        PhotoVerdict.Fail => "不合格",
        _ => "无法读取",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
