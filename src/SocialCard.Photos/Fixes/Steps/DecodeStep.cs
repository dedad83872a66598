using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Processing.Orientation;
using SocialCard.Photos.Rules;

namespace SocialCard.Photos.Fixes.Steps;

/// <summary>
/// Decodes the original. Large JPEGs are decoded directly at 1/2, 1/4 or 1/8 by DCT scaling so that the long side is
/// still at least <see cref="FixOptions.AnalysisLongSide"/>: the rest of the pipeline never touches full-size pixels
/// unless the face turns out to need them (see <see cref="DecodeAt"/>).
/// </summary>
public sealed class DecodeStep : IFixStep
{
    public string Id => "fix.decode";

    public FixStepResult Apply(FixContext ctx)
    {
        ReadOnlySpan<byte> data = ctx.Data.Span;
        try
        {
            int denominator = 1;
            if (ImageFormatSniffer.Detect(data) == ImageFormat.Jpeg)
            {
                (int w, int h) = JpegDecoder.ReadSize(data);
                int longSide = Math.Max(w, h);
                while (denominator < 8 && longSide / (denominator * 2) >= ctx.Options.AnalysisLongSide)
                {
                    denominator *= 2;
                }
            }

            DecodeAt(ctx, denominator);
            return FixStepResult.Applied(Id, new LocalizedText(
                $"已解码（{ctx.Source!.Width}x{ctx.Source.Height}，比例 1/{denominator}）",
                $"Decoded ({ctx.Source.Width}x{ctx.Source.Height}, scale 1/{denominator})"), "scale", 1, 1.0 / denominator);
        }
        catch (InvalidImageContentException ex)
        {
            return ctx.Refuse(Id, "image.undecodable", new LocalizedText("图像无法解码，无法自动修复：" + ex.Message, "The image cannot be decoded, so it cannot be fixed: " + ex.Message));
        }
    }

    /// <summary>(Re-)decodes the original at 1/<paramref name="denominator"/>, upright per <see cref="FixContext.ExifOrientation"/>.</summary>
    internal static void DecodeAt(FixContext ctx, int denominator)
    {
        ReadOnlySpan<byte> data = ctx.Data.Span;
        RgbImage image;
        if (ImageFormatSniffer.Detect(data) == ImageFormat.Jpeg)
        {
            image = JpegDecoder.DecodeScaled(data, denominator, ImageDecodeOptions.Default, []);
        }
        else
        {
            image = ImageDecoder.Decode(data);
            denominator = 1;
        }

        ctx.SourceScale = 1.0 / denominator;
        if (ctx.ExifOrientation is > 1 and <= 8)
        {
            RgbImage upright = OrientationTransform.ApplyExifOrientation(image, ctx.ExifOrientation);
            image.Dispose();
            image = upright;
        }

        ctx.Source = image;
    }
}
