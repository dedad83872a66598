using System.Globalization;
using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Distance;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Fixes.Segmentation;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// The cut-out on real busy backgrounds, with exact reference masks: a devset person whose reference mask exists
/// (Data/mask_*.rle, on the studio original's crop) is pasted over a strip of a busy-background portrait
/// (../shared/photos/busy-dev: flags, mottled backdrops, columns), the composite is fixed up to and including the
/// background step, and the reference mask is carried into the result through the crop map. Measured beside and above
/// the head (rows above the chin): the remnant share (background pixels farther than 3 px from the person that are not
/// white) and the halo (background pixels within 3 px of the person that are visibly not white).
/// </summary>
public sealed class CompositeCutOutTests(ITestOutputHelper output)
{
    /// <summary>Busy-dev portraits whose left strip (30% of the width) is flag, backdrop or building.</summary>
    private static readonly string[] s_backgrounds = ["voteview_020119", "voteview_020534", "voteview_021110"];

    // Floors at what the network cut-out measures now (remnant <= 0.2%, halo <= 13%, person lost <= 6.3%: the
    // shoulder of voteview_021705 in the frame's lower corner, 5.6-6.0% with the whole-photo pass alone); the classical
    // wall separation whitens the whole person on these (person lost 17-100%). The reference masks are generous by a
    // pixel or two of studio wall around the hair, which the composite keeps as "person": part of the halo figure is
    // that grey fringe, not the busy background.
    private const double MaxRemnantShare = 0.015;
    private const double MaxHaloShare = 0.25;
    private const double MaxPersonLost = 0.07;

    public static TheoryData<string> People => ["frl_london_013", "frl_london_024", "voteview_021705", "voteview_021178"];

    [Theory]
    [MemberData(nameof(People))]
    public void Busy_background_is_cut_away_without_remnant_or_halo(string person)
    {
        byte[] reference = ReferenceMask.Read(Path.Combine(FixTestData.DataDir, $"mask_{person}.rle"), out int w, out int h);
        using FixContext studio = StepRunner.Before("fix.background", FixTestData.Original(person), FixTestData.SuzhouAnyExpression);
        Assert.Equal(w * h, studio.Output!.PixelCount);
        foreach (string background in s_backgrounds)
        {
            using RgbImage composite = Composite(studio.Output, reference, background);
            using FixContext ctx = StepRunner.Before("fix.background", ImageEdits.Jpeg(composite, 95), FixTestData.SuzhouAnyExpression);
            Assert.Equal(FixStepOutcome.Applied, StepRunner.Step("fix.background").Apply(ctx).Outcome);
            (double remnant, double halo, double lost) = Measure(ctx, reference, w, h);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{person} over {background}: remnant {100 * remnant:0.00}%, halo {100 * halo:0.0}%, person lost {100 * lost:0.00}%"));
            Assert.True(lost <= MaxPersonLost, $"{person} over {background}: person lost {lost:P2}");
            Assert.True(remnant <= MaxRemnantShare, $"{person} over {background}: remnant {remnant:P2}");
            Assert.True(halo <= MaxHaloShare, $"{person} over {background}: halo {halo:P1}");
        }
    }

    private static RgbImage Composite(RgbImage person, byte[] mask, string background)
    {
        using RgbImage busy = ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FixTestData.DevsetRoot, "..", "busy-dev", "originals", background + ".jpg")));
        int stripWidth = (int)(busy.Width * 0.3);
        using var strip = new RgbImage(stripWidth, busy.Height);
        for (int y = 0; y < busy.Height; y++)
        {
            busy.Pixels.Slice(y * busy.Stride, stripWidth * 3).CopyTo(strip.Pixels.Slice(y * strip.Stride, stripWidth * 3));
        }

        RgbImage result = ImageEdits.Resize(strip, person.Width, person.Height);
        ReadOnlySpan<byte> p = person.Pixels;
        Span<byte> o = result.Pixels;
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0)
            {
                p.Slice(i * 3, 3).CopyTo(o.Slice(i * 3, 3));
            }
        }

        return result;
    }

    private static (double Remnant, double Halo, double PersonLost) Measure(FixContext ctx, byte[] sourceMask, int sw, int sh)
    {
        RgbImage output = ctx.Output!;
        int w = output.Width, h = output.Height;
        var mask = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                (double sx, double sy) = ctx.Map!.Value.Apply(x + 0.5, y + 0.5);
                int ix = (int)Math.Floor(sx), iy = (int)Math.Floor(sy);
                mask[(y * w) + x] = (uint)ix < (uint)sw && (uint)iy < (uint)sh ? sourceMask[(iy * sw) + ix] : (byte)0;
            }
        }

        float[] toPerson = DistanceTransform.To(mask, 0, w, h);
        float[] toBackground = DistanceTransform.To(mask, 1, w, h);
        int chin = (int)ctx.OutputLandmarks![8].Y;
        ReadOnlySpan<byte> px = output.Pixels;
        int inside = 0, lost = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] != 0 && toBackground[i] > 3)
            {
                inside++;
                lost += px[i * 3] >= 250 && px[(i * 3) + 1] >= 250 && px[(i * 3) + 2] >= 250 ? 1 : 0;
            }
        }

        int far = 0, farLeft = 0, near = 0, nearLeft = 0;
        for (int y = 0; y < Math.Min(chin, h); y++)
        {
            for (int x = 0; x < w; x++)
            {
                int i = (y * w) + x;
                if (mask[i] != 0 || ctx.Valid![i] == 0)
                {
                    continue;
                }

                int min = Math.Min(px[i * 3], Math.Min(px[(i * 3) + 1], px[(i * 3) + 2]));
                if (toPerson[i] > 3)
                {
                    far++;
                    farLeft += min < 235 ? 1 : 0;
                }
                else
                {
                    near++;
                    nearLeft += min < 200 ? 1 : 0;
                }
            }
        }

        return (far == 0 ? 0 : farLeft / (double)far, near == 0 ? 0 : nearLeft / (double)near, inside == 0 ? 0 : lost / (double)inside);
    }
}
