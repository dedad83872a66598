using SocialCard.Imaging;
using SocialCard.Imaging.Inspection;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Imaging.Processing.Luminance;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Refuses, before any pixel is changed, originals whose defect no honest fix can repair: a damaged file (a JPEG cut
/// off before its end marker decodes with a grey band where the body should be), and a black-and-white photo (the fix
/// would have to invent the colours: whitening and colour-cast correction tint a grey photo). Monochrome: the pixels'
/// chroma (max - min of R, G, B) is at most <see cref="MaxMonochromeChroma"/> at the 99th percentile, or parts of the
/// same brightness all have the same colour (spread of R-G and G-B among tiles of one brightness at most
/// <see cref="MaxTintSpread"/>: a sepia or blue-toned print). A washed-out colour photo keeps its hues, only fainter:
/// skin and wall still differ at one brightness, so it goes on to the fix.
/// </summary>
public sealed class SourceCheckStep : IFixStep
{
    /// <summary>99th-percentile chroma (0-255) at or below which the photo has no colour.</summary>
    public const int MaxMonochromeChroma = 12;

    /// <summary>Tint spread (R-G and G-B, 0-255, among tiles of one brightness) at or below which the photo is one tint
    /// per brightness. Development figures (devset): colour photos 1.70-2.37 when washed out (contrast.low), 2.1 and
    /// up otherwise; a sepia-toned JPEG of a devset original 1.0; black-and-white files 0.</summary>
    public const double MaxTintSpread = 1.35;

    private const int Samples = 65536;

    public string Id => "fix.source";

    public FixStepResult Apply(FixContext ctx)
    {
        ContainerInfo container = ContainerInspector.Inspect(ctx.Data.Span);
        if (container.Format == ImageFormat.Jpeg && !container.HasEndMarker)
        {
            return ctx.Refuse(Id, "image.truncated", new LocalizedText(
                "照片文件不完整（传输或保存时被截断），下部图像已缺失，无法修复：请重新上传完整的原始照片",
                "The photo file is incomplete (cut off while being sent or saved) and its lower part is missing; it cannot be fixed: upload the complete original photo again."));
        }

        if (ctx.Source is not { } source)
        {
            return ctx.Refuse(Id, "image.undecodable", new LocalizedText("没有可用的图像", "No image to work on"));
        }

        (int chroma, double spread) = Colourfulness(source);
        if (chroma <= MaxMonochromeChroma || spread <= MaxTintSpread)
        {
            return ctx.Refuse(Id, "image.monochrome", new LocalizedText(
                "这是一张黑白（单色）照片，自动修复无法还原真实肤色和衣着颜色：请提供彩色照片",
                "This is a black-and-white (single-tone) photo; the fix cannot restore real skin and clothing colours: provide a colour photo."),
                "chroma p99", chroma);
        }

        return FixStepResult.Applied(Id, new LocalizedText(
            $"原图完整，为彩色照片（色度 {chroma}）", $"Original complete and in colour (chroma {chroma})"), "chroma p99", chroma, chroma);
    }

    /// <summary>The 99th percentile of per-pixel chroma (sampled on a grid of about <see cref="Samples"/> pixels), and the
    /// tint spread: the spread of the colour offsets R-G and G-B among tiles of the same brightness (tile means over
    /// squares of 1/64 of the shorter side, 32 luma bins; root of the tile-weighted mean within-bin variance, the larger
    /// of the two). A toned print has one colour per brightness, so its tiles of one brightness agree; a colour photo
    /// has skin, clothes and wall at the same brightness, and they differ however washed out it is. Tile means leave
    /// out the pixel noise (JPEG, sensor) that a washed-out photo's faded colours would drown in.</summary>
    internal static (int ChromaP99, double TintSpread) Colourfulness(RgbImage image)
    {
        const int Bins = 32;
        int step = Math.Max(1, (int)Math.Sqrt((double)image.PixelCount / Samples));
        Span<int> histogram = stackalloc int[256];
        long n = 0;
        ReadOnlySpan<byte> px = image.Pixels;
        for (int y = 0; y < image.Height; y += step)
        {
            ReadOnlySpan<byte> row = px.Slice(y * image.Stride, image.Width * 3);
            for (int x = 0; x < image.Width; x += step)
            {
                int r = row[x * 3], g = row[(x * 3) + 1], b = row[(x * 3) + 2];
                histogram[ChannelSpread.Of(r, g, b)]++;
                n++;
            }
        }

        long target = (long)Math.Ceiling(n * 0.99), seen = 0;
        int p99 = 255;
        for (int c = 0; c < 256; c++)
        {
            seen += histogram[c];
            if (seen >= target)
            {
                p99 = c;
                break;
            }
        }

        int tile = Math.Max(2, Math.Min(image.Width, image.Height) / 64);
        Span<double> count = stackalloc double[Bins];
        Span<double> sumRg = stackalloc double[Bins], sumGb = stackalloc double[Bins];
        Span<double> sumRg2 = stackalloc double[Bins], sumGb2 = stackalloc double[Bins];
        long tiles = 0;
        for (int ty = 0; ty + tile <= image.Height; ty += tile)
        {
            for (int tx = 0; tx + tile <= image.Width; tx += tile)
            {
                long sr = 0, sg = 0, sb = 0;
                for (int y = ty; y < ty + tile; y++)
                {
                    ReadOnlySpan<byte> row = px.Slice((y * image.Stride) + (tx * 3), tile * 3);
                    for (int i = 0; i < row.Length; i += 3)
                    {
                        sr += row[i];
                        sg += row[i + 1];
                        sb += row[i + 2];
                    }
                }

                double k = tile * tile, r = sr / k, g = sg / k, b = sb / k;
                int bin = Math.Min(Bins - 1, (int)(((Bt601.Red * r) + (Bt601.Green * g) + (Bt601.Blue * b)) * Bins / 256));
                double rg = r - g, gb = g - b;
                count[bin]++;
                sumRg[bin] += rg;
                sumGb[bin] += gb;
                sumRg2[bin] += rg * rg;
                sumGb2[bin] += gb * gb;
                tiles++;
            }
        }

        double varRg = 0, varGb = 0;
        for (int bin = 0; bin < Bins; bin++)
        {
            double k = count[bin];
            if (k > 0)
            {
                varRg += sumRg2[bin] - (sumRg[bin] * sumRg[bin] / k);
                varGb += sumGb2[bin] - (sumGb[bin] * sumGb[bin] / k);
            }
        }

        return (p99, Math.Sqrt(Math.Max(0, Math.Max(varRg, varGb) / Math.Max(1, tiles))));
    }
}
