using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Color;
using SocialCard.Photos.Faces;

namespace SocialCard.Photos.Analysis;

/// <summary>
/// Lightness of the clothing: mean CIELAB L* of the clothing pixels in the band from just below the chin
/// (<see cref="BandTop"/> face widths under it, but at least the lowest 0.1 face widths of the photo) to the lower edge,
/// within <see cref="HalfWidth"/> face widths of the face centre.
/// <para>
/// A pixel is clothing when it, and its whole 3x3 neighbourhood, differs from the background colour by more than the
/// background tolerance (summed channel difference; the neighbourhood test drops the outline blended with the
/// background), and it is not skin (CIELAB distance to the mean face skin colour at least <see cref="SkinDistance"/>:
/// the neck and a V-neckline are left out). The tolerance follows the background's own noise: <see cref="MinTolerance"/>
/// plus <see cref="NoiseFactor"/> times the mean summed channel deviation of the two upper corner patches from the
/// background colour, at most <see cref="MaxTolerance"/>. A fixed wide tolerance (24, as before) drops the brightest
/// parts of a white shirt as "background" and so reads a white shirt darker than it is: the lightest shirts were the
/// ones most underestimated. On a clean studio white the tolerance stays near its floor and keeps them.
/// </para>
/// <para>
/// When fewer than <see cref="MinPixelShare"/> x face width² clothing pixels are visible (bare shoulders, a tight crop),
/// the mean of a few pixels along the outline says little about the clothing: no measure (the rule skips).
/// </para>
/// <para>
/// Calibration on the devset's 18 clothing.light and 20 compliant photos (ClothingDevsetCalibrationTests prints the
/// table): with the band from 0.25 face widths below the chin and a half-width of 0.8-0.9 face widths, every tolerance
/// floor from 3 to 8 separates 17 of the 18 light shirts from all compliant ones (gap 0.36-0.64 L*); bands starting at
/// 0.15 or 0.3 face widths separate only 14-15, and the old fixed tolerance of 24 only 12. Shifting the landmarks by
/// 3 px or the face scale by 3% moves single photos across the threshold: the light/compliant boundary of the labels
/// (85 on the whole shirt) is finer than what the top of the shoulders shows. With the default face engine (the 160
/// probe) compliant shirts read up to 88.08 and light ones from 88.32 but the one (85.46). About 35 other measures of the
/// visible shirt (bench <c>clothing-table</c>: narrower or lower bands, upper quantiles, the share that merges with
/// the background, per shoulder, ...) do no better: each misses the label by 2.7 L* or more, the labels either side of
/// 85 lie 0.4 L* apart, and most of the labelled shirt is below the crop.
/// </para>
/// <para>
/// Cost: each pixel's background test is made once, 16 pixels at a time (a row of 3-wide runs, then the rows above and
/// below); the person pixels' CIELAB is computed eight at a time (<see cref="LabKernel.LinearToLabDouble"/>), and the
/// sums are kept in registers by a loop of their own (<c>AddNotSkin</c>); results bit-identical to the per-pixel form.
/// </para>
/// </summary>
public sealed class ClothingMeasure
{
    /// <summary>Background tolerance floor (summed channel difference): above JPEG noise on a clean white.</summary>
    public const int MinTolerance = 4;

    /// <summary>Background tolerance ceiling: the fixed tolerance of the person masks elsewhere.</summary>
    public const int MaxTolerance = 24;

    /// <summary>Tolerance per unit of mean background deviation (about 3 sigma of the corner noise).</summary>
    public const double NoiseFactor = 3;

    public const double SkinDistance = 14;

    /// <summary>Band top below the chin, face widths.</summary>
    public const double BandTop = 0.25;

    /// <summary>Band half-width about the face centre, face widths.</summary>
    public const double HalfWidth = 0.9;

    /// <summary>Fewest clothing pixels for a measure, as a share of the squared face width.</summary>
    public const double MinPixelShare = 0.02;

    private ClothingMeasure(double meanLightness, int pixels, double coverage, int tolerance, Lab relative)
    {
        MeanLightness = meanLightness;
        Pixels = pixels;
        Coverage = coverage;
        Tolerance = tolerance;
        Relative = relative;
    }

    /// <summary>
    /// The clothing's mean colour seen against the photo's own white: the mean linear RGB of the clothing pixels divided,
    /// channel by channel, by the background's linear RGB (a von Kries white balance that takes the background as the
    /// reference white, so a darker exposure or a warm or cool light cancels), in CIELAB. L* 100 and chroma 0 are the
    /// background itself; a white top reads close to that whatever the camera made of the light.
    /// </summary>
    public Lab Relative { get; }

    /// <summary>Lightness of the clothing relative to the background (<see cref="Relative"/> L*).</summary>
    public double RelativeLightness => Relative.L;

    /// <summary>Chroma of the clothing relative to the background (<see cref="Relative"/>).</summary>
    public double RelativeChroma => Math.Sqrt((Relative.A * Relative.A) + (Relative.B * Relative.B));

    /// <summary>Mean L* (0-100) of the clothing pixels.</summary>
    public double MeanLightness { get; }

    /// <summary>Clothing pixels measured.</summary>
    public int Pixels { get; }

    /// <summary>Clothing pixels as a share of the band.</summary>
    public double Coverage { get; }

    /// <summary>Background tolerance used (summed channel difference).</summary>
    public int Tolerance { get; }

    /// <summary>Least CIELAB L* of a background that serves as the photo's own white.</summary>
    public const double MinWhiteLightness = 85;

    /// <summary>Largest CIELAB chroma of a background that serves as the photo's own white.</summary>
    public const double MaxWhiteChroma = 8;

    /// <summary>The measure on a photo as submitted (the check): its background is its own white reference where it is
    /// a white backdrop (<see cref="ReferenceWhite"/>).</summary>
    public static ClothingMeasure? Measure(RgbImage image, (byte R, byte G, byte B) background, ObservedFace face, Lab skin) =>
        Measure(image, background, ReferenceWhite(background), face, skin, null, BandTop, HalfWidth, MinTolerance);

    /// <summary>
    /// The background as the reference white where it is a white backdrop, lit a little darker or tinted (L* at least
    /// <see cref="MinWhiteLightness"/>, chroma at most <see cref="MaxWhiteChroma"/>); on a coloured, grey or dark wall
    /// there is no white in the photo to read against (the wall is wrong in itself), and the top is read against sRGB
    /// white, as the fix will show it on the white it paints.
    /// </summary>
    public static (byte R, byte G, byte B) ReferenceWhite((byte R, byte G, byte B) background) =>
        IsWhiteBackdrop(background) ? background : ((byte)255, (byte)255, (byte)255);

    /// <summary>True when <paramref name="background"/> is a white backdrop, lit a little darker or tinted (L* at least
    /// <see cref="MinWhiteLightness"/>, chroma at most <see cref="MaxWhiteChroma"/>).</summary>
    public static bool IsWhiteBackdrop((byte R, byte G, byte B) background)
    {
        Lab lab = ColorSpace.ToLab(background.R, background.G, background.B);
        return lab.L >= MinWhiteLightness && Math.Sqrt((lab.A * lab.A) + (lab.B * lab.B)) <= MaxWhiteChroma;
    }

    /// <summary>
    /// The measure on an original before its background is replaced (the fix): <paramref name="background"/> is the wall
    /// as it is, <paramref name="white"/> the white the person will stand on, and a pixel counts only where the person
    /// segmentation <paramref name="person"/> (of this image) gives it at least even odds of being the person, so bright
    /// patches of an uneven wall are not read as clothing.
    /// </summary>
    public static ClothingMeasure? Measure(RgbImage image, (byte R, byte G, byte B) background, (byte R, byte G, byte B) white, ObservedFace face, Lab skin, PersonMask? person) =>
        Measure(image, background, white, face, skin, person, BandTop, HalfWidth, MinTolerance);

    /// <summary>The measure with its band and tolerance floor given (calibration sweeps; the rules use the constants).</summary>
    internal static ClothingMeasure? Measure(RgbImage image, (byte R, byte G, byte B) background, (byte R, byte G, byte B) white, ObservedFace face, Lab skin, PersonMask? person, double bandTop, double halfWidth, int minTolerance)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        double w = face.FaceWidth;
        double cx = face.EyeMidpoint.X;
        int y0 = Math.Max(1, (int)Math.Round(Math.Min(face.Chin.Y + (bandTop * w), image.Height - (0.1 * w))));
        int y1 = image.Height - 2;
        int x0 = Math.Max(1, (int)Math.Round(cx - (halfWidth * w)));
        int x1 = Math.Min(image.Width - 2, (int)Math.Round(cx + (halfWidth * w)));
        if (w < 8 || y1 <= y0 || x1 <= x0)
        {
            return null;
        }

        return MeasureBand(image, background, white, skin, person, x0, y0, x1, y1, w, minTolerance);
    }

    /// <summary>The measure over the band x0..x1, y0..y1 (inclusive, at least 1 px inside the image), with the tolerance
    /// patches and the fewest pixels scaled by the face width <paramref name="w"/>.</summary>
    internal static ClothingMeasure? MeasureBand(RgbImage image, (byte R, byte G, byte B) background, (byte R, byte G, byte B) white, Lab skin, PersonMask? person, int x0, int y0, int x1, int y1, double w, int minTolerance)
    {
        int tolerance = BackgroundTolerance(image, background, Math.Max(2, (int)Math.Round(0.1 * w)), minTolerance);
        ReadOnlySpan<float> linear = ColorSpace.LinearTable;

        // Each pixel's background test once: row r of the buffer holds, for image row y0 - 1 + r, whether the pixel and its
        // left and right neighbours all differ from the background (columns x0..x1); a pixel is person when that holds in
        // its row and the rows above and below.
        int width = x1 - x0 + 1;
        int rows = y1 - y0 + 3;
        byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent((rows * width) + (2 * width) + 2);
        float[] channels = System.Buffers.ArrayPool<float>.Shared.Rent(3 * width);
        double[] lab = System.Buffers.ArrayPool<double>.Shared.Rent(3 * width);
        try
        {
            Span<byte> runs = rented.AsSpan(0, rows * width);
            Span<byte> differs = rented.AsSpan(rows * width, width + 2);
            Span<byte> clothed = rented.AsSpan((rows * width) + width + 2, width);
            for (int r = 0; r < rows; r++)
            {
                ReadOnlySpan<byte> row = image.Row(y0 - 1 + r);
                ChannelDifferenceKernel.Exceeds(row.Slice((x0 - 1) * 3, (width + 2) * 3), background, tolerance, differs);
                Span<byte> run = runs.Slice(r * width, width);
                TensorPrimitives.BitwiseAnd(differs[..width], differs.Slice(1, width), run);
                TensorPrimitives.BitwiseAnd(run, differs.Slice(2, width), run);
            }

            // Per row: the person pixels' linear channels and CIELAB (eight at a time), then the sums in column order.
            Span<float> lr = channels.AsSpan(0, width), lg = channels.AsSpan(width, width), lb = channels.AsSpan(2 * width, width);
            Span<double> labL = lab.AsSpan(0, width), labA = lab.AsSpan(width, width), labB = lab.AsSpan(2 * width, width);
            double sumL = 0, sumR = 0, sumG = 0, sumB = 0;
            int count = 0;
            for (int y = y0; y <= y1; y++)
            {
                int r = y - y0 + 1;
                ReadOnlySpan<byte> above = runs.Slice((r - 1) * width, width), here = runs.Slice(r * width, width), below = runs.Slice((r + 1) * width, width);
                ReadOnlySpan<byte> row = image.Row(y);
                PersonMaskLine personRow = person?.Row(y + 0.5) ?? default;
                TensorPrimitives.BitwiseAnd(above, here, clothed);
                TensorPrimitives.BitwiseAnd(clothed, below, clothed);
                int m = person is null
                    ? Gather(row.Slice(x0 * 3, width * 3), clothed, linear, lr, lg, lb)
                    : Gather(row.Slice(x0 * 3, width * 3), clothed, personRow, x0, linear, lr, lg, lb);
                LabKernel.LinearToLabDouble(lr[..m], lg[..m], lb[..m], labL[..m], labA[..m], labB[..m]);
                count += AddNotSkin(labL[..m], labA[..m], labB[..m], lr, lg, lb, skin, ref sumL, ref sumR, ref sumG, ref sumB);
            }

            int band = (y1 - y0 + 1) * width;
            if (count == 0 || count < MinPixelShare * w * w)
            {
                return null;
            }

            Lab relative = ColorSpace.LinearToLab(
                Math.Min(1, sumR / count / WhiteChannel(linear[white.R])),
                Math.Min(1, sumG / count / WhiteChannel(linear[white.G])),
                Math.Min(1, sumB / count / WhiteChannel(linear[white.B])));
            return new ClothingMeasure(sumL / count, count, count / (double)band, tolerance, relative);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            System.Buffers.ArrayPool<float>.Shared.Return(channels);
            System.Buffers.ArrayPool<double>.Shared.Return(lab);
        }
    }
    /// <summary>The linear channels of the pixels of <paramref name="band"/> (RGB24, one per <paramref name="clothed"/>
    /// entry) whose entry is not 0, in column order; returns how many.</summary>
    private static int Gather(ReadOnlySpan<byte> band, ReadOnlySpan<byte> clothed, ReadOnlySpan<float> linear, Span<float> lr, Span<float> lg, Span<float> lb)
    {
        ref byte p = ref MemoryMarshal.GetReference(band);
        ref byte keep = ref MemoryMarshal.GetReference(clothed);
        ref float table = ref MemoryMarshal.GetReference(linear);
        ref float r = ref MemoryMarshal.GetReference(lr), g = ref MemoryMarshal.GetReference(lg), b = ref MemoryMarshal.GetReference(lb);
        int width = Math.Min(clothed.Length, band.Length / 3);
        if (lr.Length < width || lg.Length < width || lb.Length < width || linear.Length < 256)
        {
            throw new ArgumentException("The channel spans must hold a band row and the table 256 levels.");
        }

        int n = 0;
        for (int c = 0; c < width; c++)
        {
            if (Unsafe.Add(ref keep, c) == 0)
            {
                continue;
            }

            int o = c * 3;
            Unsafe.Add(ref r, n) = Unsafe.Add(ref table, Unsafe.Add(ref p, o));
            Unsafe.Add(ref g, n) = Unsafe.Add(ref table, Unsafe.Add(ref p, o + 1));
            Unsafe.Add(ref b, n) = Unsafe.Add(ref table, Unsafe.Add(ref p, o + 2));
            n++;
        }

        return n;
    }

    /// <summary><see cref="Gather(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{float}, Span{float}, Span{float}, Span{float})"/>
    /// of the pixels the person segmentation also gives at least even odds (band column c is image column x0 + c).</summary>
    private static int Gather(ReadOnlySpan<byte> band, ReadOnlySpan<byte> clothed, PersonMaskLine personRow, int x0, ReadOnlySpan<float> linear, Span<float> lr, Span<float> lg, Span<float> lb)
    {
        int n = 0;
        for (int c = 0; c < clothed.Length; c++)
        {
            if (clothed[c] == 0 || personRow.At(x0 + c + 0.5) < 0.5f)
            {
                continue;
            }

            int o = c * 3;
            lr[n] = linear[band[o]];
            lg[n] = linear[band[o + 1]];
            lb[n] = linear[band[o + 2]];
            n++;
        }

        return n;
    }

    /// <summary>Adds, in order, the L* and linear channels of the gathered pixels that are not skin (at least
    /// <see cref="SkinDistance"/> from <paramref name="skin"/> in CIELAB) to the sums; returns how many it added. The
    /// sums stay in registers here (in the band loop they lived on the stack, each addition waiting on a reload).</summary>
    private static int AddNotSkin(ReadOnlySpan<double> labL, ReadOnlySpan<double> labA, ReadOnlySpan<double> labB, ReadOnlySpan<float> lr, ReadOnlySpan<float> lg, ReadOnlySpan<float> lb, Lab skin, ref double sumL, ref double sumR, ref double sumG, ref double sumB)
    {
        double sl = sumL, sr = sumR, sg = sumG, sb = sumB;
        double skinL = skin.L, skinA = skin.A, skinB = skin.B;
        int n = labL.Length, added = 0;
        if (labA.Length < n || labB.Length < n || lr.Length < n || lg.Length < n || lb.Length < n)
        {
            throw new ArgumentException("Every span must hold the gathered pixels.");
        }

        ref double l0 = ref MemoryMarshal.GetReference(labL), a0 = ref MemoryMarshal.GetReference(labA), b0 = ref MemoryMarshal.GetReference(labB);
        ref float r0 = ref MemoryMarshal.GetReference(lr), g0 = ref MemoryMarshal.GetReference(lg), bl0 = ref MemoryMarshal.GetReference(lb);
        for (int k = 0; k < n; k++)
        {
            // A pixel at least SkinDistance from the skin's L* is no skin whatever its chroma.
            double l = Unsafe.Add(ref l0, k);
            double dl = l - skinL;
            if (Math.Abs(dl) < SkinDistance)
            {
                double da = Unsafe.Add(ref a0, k) - skinA, db = Unsafe.Add(ref b0, k) - skinB;
                if ((dl * dl) + (da * da) + (db * db) < SkinDistance * SkinDistance)
                {
                    continue;
                }
            }

            sl += l;
            sr += Unsafe.Add(ref r0, k);
            sg += Unsafe.Add(ref g0, k);
            sb += Unsafe.Add(ref bl0, k);
            added++;
        }

        sumL = sl;
        sumR = sr;
        sumG = sg;
        sumB = sb;
        return added;
    }

    /// <summary>
    /// <see cref="MinTolerance"/> + <see cref="NoiseFactor"/> x the mean summed channel deviation from the background
    /// colour over the two upper corner patches (side <paramref name="side"/>), counting only pixels within
    /// <see cref="MaxTolerance"/> of it (hair reaching a corner is not noise); at most <see cref="MaxTolerance"/>.
    /// </summary>
    private static int BackgroundTolerance(RgbImage image, (byte R, byte G, byte B) bg, int side, int minTolerance)
    {
        int rows = Math.Min(side, image.Height);
        int cols = Math.Min(side, image.Width / 2);
        long sum = 0;
        int n = 0;
        for (int y = 0; y < rows; y++)
        {
            ReadOnlySpan<byte> row = image.Row(y);
            for (int x = 0; x < cols; x++)
            {
                Accumulate(row, x, bg, ref sum, ref n);
                Accumulate(row, image.Width - 1 - x, bg, ref sum, ref n);
            }
        }

        double mean = n > 0 ? sum / (double)n : 0;
        return (int)Math.Clamp(Math.Round(minTolerance + (NoiseFactor * mean)), minTolerance, MaxTolerance);
    }

    private static void Accumulate(ReadOnlySpan<byte> row, int x, (byte R, byte G, byte B) bg, ref long sum, ref int n)
    {
        int d = ChannelDifferenceKernel.Difference(row, x, bg);
        if (d <= MaxTolerance)
        {
            sum += d;
            n++;
        }
    }

    /// <summary>A background channel as reference white, floored so a black or saturated backdrop cannot divide by ~0.</summary>
    private static double WhiteChannel(float linear) => Math.Max(linear, 0.05);

}
