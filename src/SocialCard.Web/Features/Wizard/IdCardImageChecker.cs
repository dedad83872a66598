using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Processing.Luminance;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Pre-check of an ID card image (seed 004: 身份证大小须适应图片框大小，不可歪斜，字迹图片清晰). Measured on a grey copy
/// scaled to <see cref="WorkWidth"/> px:
/// <list type="bullet">
/// <item>readable: Imaging decodes it (JPEG, PNG, BMP, HEIC) and the short side has at least <see cref="MinShortSide"/> px;</item>
/// <item>fills the frame: landscape aspect within <see cref="MinAspect"/>-<see cref="MaxAspect"/> (ID-1 card 85.6 x 54 mm =
/// 1.585) and the box holding the card's detail (columns/rows with edge energy) covers at least <see cref="MinFill"/>
/// of the picture;</item>
/// <item>not skewed: the dominant edge direction (magnitude-weighted gradient-orientation histogram folded to ±45°, on a
/// smoothed copy, refined by the weighted mean around the peak) is within <see cref="MaxSkewDegrees"/>;</item>
/// <item>sharp: variance of the 4-neighbour Laplacian at least <see cref="MinSharpness"/>.</item>
/// </list>
/// Thresholds are first guesses from synthetic cards (no real ID images may be kept in the repository); tune them on
/// field data.
/// </summary>
public sealed class IdCardImageChecker
{
    public const int WorkWidth = 640;
    public const int MinShortSide = 300;
    public const double MinAspect = 1.35;
    public const double MaxAspect = 1.85;
    public const double MinFill = 0.60;
    public const double MaxSkewDegrees = 5.0;
    public const double MinSharpness = 40.0;

    public IdCardImageCheck Check(ReadOnlySpan<byte> data)
    {
        RgbImage image;
        try
        {
            image = ImageDecoder.Decode(data);
        }
        catch (InvalidImageContentException)
        {
            return Unreadable();
        }
        catch (SocialCard.Imaging.Native.NativeLibraryMissingException)
        {
            return Unreadable();
        }

        using (image)
        {
            return Check(image);
        }
    }

    public IdCardImageCheck Check(RgbImage image)
    {
        var items = new List<PhotoPreReviewItem>();
        int shortSide = Math.Min(image.Width, image.Height);
        items.Add(Item("idcard.readable", shortSide >= MinShortSide,
            $"图片可读取，短边 {shortSide} 像素（至少 {MinShortSide}）。", $"Readable; short side {shortSide} px (at least {MinShortSide}).",
            $"图片太小（短边 {shortSide} 像素，至少 {MinShortSide}），无法看清字迹。", $"Image too small (short side {shortSide} px, need {MinShortSide}); text cannot be read."));

        double aspect = (double)image.Width / image.Height;
        int workHeight = Math.Max(1, (int)Math.Round(WorkWidth / aspect));
        float[] grey = GreyScaled(image, WorkWidth, workHeight);
        (double fill, double skew, double sharpness) = Measure(grey, WorkWidth, workHeight);

        bool aspectOk = aspect is >= MinAspect and <= MaxAspect;
        items.Add(Item("idcard.aspect", aspectOk,
            $"宽高比 {aspect:0.00}，与身份证相符。", $"Aspect ratio {aspect:0.00} matches an ID card.",
            aspect < 1 ? $"请横向拍摄，使身份证充满图片框（宽高比 {aspect:0.00}，应约为 1.58）。" : $"身份证未充满图片框（宽高比 {aspect:0.00}，应约为 1.58），请裁剪到卡片边缘。",
            aspect < 1 ? $"Take the picture in landscape so the card fills the frame (aspect {aspect:0.00}, expected about 1.58)." : $"The card does not fill the frame (aspect {aspect:0.00}, expected about 1.58); crop to the card's edges."));
        items.Add(Item("idcard.fill", fill >= MinFill,
            $"身份证占满画面（{fill:P0}）。", $"The card fills the picture ({fill:P0}).",
            $"身份证在图片中太小（约占 {fill:P0}），请靠近拍摄使卡片充满图片框。", $"The card is too small in the picture (about {fill:P0}); move closer so it fills the frame."));
        items.Add(Item("idcard.skew", Math.Abs(skew) <= MaxSkewDegrees,
            $"无明显歪斜（{skew:0.0}°）。", $"Not skewed ({skew:0.0}°).",
            $"身份证歪斜约 {Math.Abs(skew):0.0}°（最多 {MaxSkewDegrees}°），请摆正后重拍。", $"The card is skewed by about {Math.Abs(skew):0.0}° (at most {MaxSkewDegrees}°); straighten it and retake."));
        items.Add(Item("idcard.sharpness", sharpness >= MinSharpness,
            $"字迹清晰（清晰度 {sharpness:0}）。", $"Sharp (sharpness {sharpness:0}).",
            $"图片模糊（清晰度 {sharpness:0}，至少 {MinSharpness}），请对焦后重拍。", $"The image is blurred (sharpness {sharpness:0}, need {MinSharpness}); focus and retake."));

        bool passed = items.TrueForAll(i => i.Passed);
        byte[] jpeg = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 85, DensityDpi = 300 });
        return new IdCardImageCheck(passed, items, aspect, fill, skew, sharpness, jpeg);
    }

    private static IdCardImageCheck Unreadable() =>
        new(false,
            [Item("idcard.readable", false, string.Empty, string.Empty, "无法读取该文件，请上传 JPG、PNG 或 HEIC 格式的身份证照片。", "The file cannot be read as an image; upload a JPG, PNG or HEIC picture of the card.")],
            0, 0, 0, 0, null);

    private static PhotoPreReviewItem Item(string id, bool passed, string okZh, string okEn, string badZh, string badEn) =>
        new(id, passed, false, passed ? okZh : badZh, passed ? okEn : badEn);

    /// <summary>Box-filtered downscale (or nearest upscale) to a luma plane.</summary>
    private static float[] GreyScaled(RgbImage image, int width, int height)
    {
        var output = new float[width * height];
        double sx = (double)image.Width / width;
        double sy = (double)image.Height / height;
        ReadOnlySpan<byte> pixels = image.Pixels;
        for (int y = 0; y < height; y++)
        {
            int y0 = (int)(y * sy);
            int y1 = Math.Max(y0 + 1, Math.Min(image.Height, (int)((y + 1) * sy)));
            for (int x = 0; x < width; x++)
            {
                int x0 = (int)(x * sx);
                int x1 = Math.Max(x0 + 1, Math.Min(image.Width, (int)((x + 1) * sx)));
                double sum = 0;
                for (int yy = y0; yy < y1; yy++)
                {
                    int row = yy * image.Stride;
                    for (int xx = x0; xx < x1; xx++)
                    {
                        int i = row + (xx * 3);
                        sum += Bt601.Luma(pixels[i], pixels[i + 1], pixels[i + 2]);
                    }
                }

                output[(y * width) + x] = (float)(sum / ((y1 - y0) * (x1 - x0)));
            }
        }

        return output;
    }

    private static (double Fill, double Skew, double Sharpness) Measure(float[] g, int w, int h)
    {
        const int bins = 180; // 0.5° over [-45°, 45°)
        var histogram = new double[bins];
        var columnEnergy = new double[w];
        var rowEnergy = new double[h];
        var folded = new float[w * h];
        var weight = new float[w * h];

        // Orientation is measured on a smoothed copy: on a step edge narrower than the 3 x 3 Sobel support the
        // gradient direction is pulled towards the axes (a 10° card read as about 7°).
        float[] smooth = BoxBlur(BoxBlur(g, w, h, 2), w, h, 2);
        double lapSum = 0;
        double lapSq = 0;
        long lapCount = 0;
        for (int y = 1; y < h - 1; y++)
        {
            for (int x = 1; x < w - 1; x++)
            {
                int i = (y * w) + x;
                (double gx, double gy) = Sobel(g, i, w);
                double magnitude = Math.Sqrt((gx * gx) + (gy * gy));
                columnEnergy[x] += magnitude;
                rowEnergy[y] += magnitude;

                (double sx, double sy) = Sobel(smooth, i, w);
                double smoothMagnitude = Math.Sqrt((sx * sx) + (sy * sy));
                if (smoothMagnitude > 30)
                {
                    double angle = Math.Atan2(sy, sx) * 180 / Math.PI; // (-180, 180]
                    double f = (((angle % 90) + 135) % 90) - 45;        // [-45, 45)
                    int bin = Math.Clamp((int)((f + 45) * 2), 0, bins - 1);
                    histogram[bin] += smoothMagnitude;
                    folded[i] = (float)f;
                    weight[i] = (float)smoothMagnitude;
                }

                double lap = g[i - 1] + g[i + 1] + g[i - w] + g[i + w] - (4 * g[i]);
                lapSum += lap;
                lapSq += lap * lap;
                lapCount++;
            }
        }

        double mean = lapCount == 0 ? 0 : lapSum / lapCount;
        double sharpness = lapCount == 0 ? 0 : (lapSq / lapCount) - (mean * mean);
        double fill = Span(columnEnergy) * Span(rowEnergy);
        return (fill, RefinedAngle(PeakAngle(histogram), folded, weight), sharpness);
    }

    private static (double Gx, double Gy) Sobel(float[] g, int i, int w) =>
        ((g[i - w + 1] + (2 * g[i + 1]) + g[i + w + 1]) - (g[i - w - 1] + (2 * g[i - 1]) + g[i + w - 1]),
         (g[i + w - 1] + (2 * g[i + w]) + g[i + w + 1]) - (g[i - w - 1] + (2 * g[i - w]) + g[i - w + 1]));

    /// <summary>Magnitude-weighted mean of the edge directions within 4° of the histogram peak (circular at ±45°).</summary>
    private static double RefinedAngle(double peak, float[] folded, float[] weight)
    {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < folded.Length; i++)
        {
            if (weight[i] <= 0)
            {
                continue;
            }

            double d = folded[i] - peak;
            d = d >= 45 ? d - 90 : d < -45 ? d + 90 : d;
            if (Math.Abs(d) <= 4)
            {
                sum += d * weight[i];
                total += weight[i];
            }
        }

        double angle = total <= 0 ? peak : peak + (sum / total);
        return angle >= 45 ? angle - 90 : angle < -45 ? angle + 90 : angle;
    }

    /// <summary>Separable box blur with clamped edges.</summary>
    private static float[] BoxBlur(float[] g, int w, int h, int radius)
    {
        var horizontal = new float[g.Length];
        var output = new float[g.Length];
        float n = (2 * radius) + 1;
        for (int y = 0; y < h; y++)
        {
            int row = y * w;
            for (int x = 0; x < w; x++)
            {
                float sum = 0;
                for (int k = -radius; k <= radius; k++)
                {
                    sum += g[row + Math.Clamp(x + k, 0, w - 1)];
                }

                horizontal[row + x] = sum / n;
            }
        }

        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                float sum = 0;
                for (int k = -radius; k <= radius; k++)
                {
                    sum += horizontal[(Math.Clamp(y + k, 0, h - 1) * w) + x];
                }

                output[(y * w) + x] = sum / n;
            }
        }

        return output;
    }

    /// <summary>Fraction of the axis between the first and last position whose energy reaches 25 % of the mean.</summary>
    private static double Span(double[] energy)
    {
        double mean = energy.Average();
        if (mean <= 0)
        {
            return 0;
        }

        int first = Array.FindIndex(energy, e => e >= mean * 0.25);
        int last = Array.FindLastIndex(energy, e => e >= mean * 0.25);
        return first < 0 ? 0 : (double)(last - first + 1) / energy.Length;
    }

    private static double PeakAngle(double[] histogram)
    {
        int n = histogram.Length;
        int best = 0;
        double bestValue = -1;
        for (int i = 0; i < n; i++)
        {
            // circular 5-bin smoothing: -45° and +45° are the same direction
            double v = histogram[(i + n - 2) % n] + histogram[(i + n - 1) % n] + histogram[i] + histogram[(i + 1) % n] + histogram[(i + 2) % n];
            if (v > bestValue)
            {
                bestValue = v;
                best = i;
            }
        }

        return bestValue <= 0 ? 0 : (best / 2.0) - 45 + 0.25;
    }
}
