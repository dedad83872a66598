using System.Globalization;
using SocialCard.Photos.Fixes.Encoding;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>Encodes a baseline 24-bit JPEG at the profile's density whose size lies in the profile's KB window
/// (<see cref="JpegSizeSearch"/>); says so when the window cannot be met.</summary>
public sealed class EncodeStep : IFixStep
{
    /// <summary>Safety margin inside the window (bytes) against KB rounding differences.</summary>
    private const int Margin = 256;

    public string Id => "fix.encode";

    public FixStepResult Apply(FixContext ctx)
    {
        if (ctx.Output is null)
        {
            return ctx.Refuse(Id, "pipeline", new LocalizedText("没有可编码的图像", "Nothing to encode"));
        }

        int perKb = ctx.Profile.File.BytesPerKB > 0 ? ctx.Profile.File.BytesPerKB : 1024;
        long min = ctx.Profile.File.MinKB is { } lo ? (long)Math.Ceiling(lo * perKb) + Margin : 0;
        long max = ctx.Profile.File.MaxKB is { } hi ? (long)Math.Floor(hi * perKb) - Margin : long.MaxValue;
        int dpi = (int)Math.Round(ctx.Profile.Image.Dpi > 0 ? ctx.Profile.Image.Dpi : 350);
        JpegSizeSearch.Result result = JpegSizeSearch.Find(ctx.Output, min, max, dpi);
        string window = $"{F(min / (double)perKb)}-{(max == long.MaxValue ? "∞" : F(max / (double)perKb))} KB";
        if (!result.Success)
        {
            return ctx.Refuse(Id, "file.size", new LocalizedText(
                $"无法在 {window} 内编码（可得 {F(result.SmallestSize / (double)perKb)}-{F(result.LargestSize / (double)perKb)} KB）",
                $"Cannot encode within {window} (achievable {F(result.SmallestSize / (double)perKb)}-{F(result.LargestSize / (double)perKb)} KB)"), "KB", result.LargestSize / (double)perKb);
        }

        ctx.Jpeg = result.Jpeg;
        string sub = result.Subsampling.ToString().Replace("Chroma", string.Empty, StringComparison.Ordinal);
        ctx.EncodingNote = $"q{result.Quality} {sub}";
        double kb = result.Jpeg!.Length / (double)perKb;
        return FixStepResult.Applied(Id, new LocalizedText(
            $"已编码为基线 JPEG：{F(kb)} KB（窗口 {window}），质量 {result.Quality}，采样 {sub}，{dpi} dpi，尝试 {result.Encodes} 次",
            $"Encoded baseline JPEG: {F(kb)} KB (window {window}), quality {result.Quality}, {sub}, {dpi} dpi, {result.Encodes} encodes"), "KB", null, kb);
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
