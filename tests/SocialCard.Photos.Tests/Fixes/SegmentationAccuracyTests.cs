using System.Globalization;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// Person/background separation against reference masks (Data/mask_*.rle, output scale 358x441, RLE runs starting
/// with wall). The references were made by a slower per-image-tuned method (8-connected wall flood from the border with
/// a local 15x15 wall colour model, tolerance chosen per image, then only the person component that holds the eyes
/// kept) and checked by eye on overlays. Errors: wall pixels left non-white, person pixels whitened.
/// </summary>
public sealed class SegmentationAccuracyTests(ITestOutputHelper output)
{
    public static TheoryData<string> People => ["frl_london_013", "frl_london_024", "voteview_021705", "voteview_021178"];

    [Theory]
    [MemberData(nameof(People))]
    public void WallLeftAndPersonWhitened_AgainstReferenceMask(string person)
    {
        byte[] reference = ReferenceMask.Read(Path.Combine(FixTestData.DataDir, $"mask_{person}.rle"), out int w, out int h);
        using FixContext ctx = StepRunner.Before("fix.background", FixTestData.Original(person), FixTestData.SuzhouAnyExpression);
        byte[] before = ctx.Output!.Pixels.ToArray();
        Assert.Equal(FixStepOutcome.Applied, StepRunner.Step("fix.background").Apply(ctx).Outcome);
        Assert.Equal(w * h, ctx.Output.PixelCount);
        ReadOnlySpan<byte> after = ctx.Output.Pixels;
        int wall = 0, wallLeft = 0, body = 0, whitened = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            bool white = after[i * 3] >= 250 && after[(i * 3) + 1] >= 250 && after[(i * 3) + 2] >= 250;
            bool wasWhite = before[i * 3] >= 250 && before[(i * 3) + 1] >= 250 && before[(i * 3) + 2] >= 250;
            if (reference[i] == 0)
            {
                wall++;
                wallLeft += white ? 0 : 1;
            }
            else if (!wasWhite)
            {
                body++;
                whitened += white ? 1 : 0;
            }
        }

        double wallError = wallLeft / (double)wall, personError = whitened / (double)body;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{person}: wall left non-white {100 * wallError:0.00}% of {wall} px, person whitened {100 * personError:0.00}% of {body} px"));
        Assert.True(wallError < 0.05, $"wall left non-white {wallError:P1}");
        // Regression floor at the level this commit measures (frl ~1-8%, voteview ~14%: the hair/suit edge against a
        // mottled backdrop is eaten into); lower it as the segmenter improves.
        Assert.True(personError < 0.18, $"person whitened {personError:P1}");
    }
}
