using System.Globalization;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules.Background;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Rules.Background;

/// <summary>
/// The cut-out cascade against the 256 pass on one photo: the coarse and 256 readings may differ only by less than
/// <see cref="CutOutCascade"/>'s margins (each side), and where the coarse reading decides, the verdict (which
/// measure breaks its limit first, or none) is the 256 reading's; and both readings equal the whole-band measure's
/// (<see cref="CutOutMeasureReference"/>) to the last digit.
/// </summary>
internal static class CutOutCascadeCheck
{
    public static void Compare(PhotoContext ctx, SpecProfile profile, ITestOutputHelper output)
    {
        CutOutLimits limits = CutOutLimits.From(profile.Rule("background.cutout"))!;
        if (ctx.CoarseCutOut is not { } coarse || ctx.Image is not { } image || ctx.PrimaryFace is not { } face || ctx.Person is not { } mask)
        {
            return;
        }

        CutOutReading fine = CutOutMeasure.Read(image, mask, face);
        CutOutMeasureTests.AssertSame(CutOutMeasureReference.Read(image, mask, face), fine, "256 pass");
        CutOutMeasureTests.AssertSame(CutOutMeasureReference.Read(image, ctx.CoarsePerson!, face), coarse, "coarse pass");
        string both = string.Create(CultureInfo.InvariantCulture, $"coarse {Text(coarse)}, 256 {Text(fine)}");
        output.WriteLine(both);
        if (CutOutCascade.Decides(coarse, limits))
        {
            Assert.True(CutOutCascade.Verdict(coarse.Measure, limits) == CutOutCascade.Verdict(fine.Measure, limits), $"the coarse pass decides another verdict: {both}");
        }

        Assert.True(CutOutCascade.WithinMargins(coarse, fine), $"the passes differ by more than the cascade's margins: {both}");
    }

    private static string Text(CutOutReading r) =>
        string.Create(CultureInfo.InvariantCulture, $"[background {r.BackgroundLevel}, person {r.PersonAtFace:0.000}") + (r.Measure is { } m
            ? string.Create(CultureInfo.InvariantCulture, $", remnant {m.RemnantShare:0.00000}, halo {m.HaloShare:0.0000}, skull {m.SkullCut:0.000}, jagged {m.Jaggedness:0.000}]")
            : "]");
}
