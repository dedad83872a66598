using SocialCard.Photos.Analysis;

namespace SocialCard.Photos.Rules.Background;

/// <summary>
/// The cut-out rule's coarse-then-fine cascade: the measure is first taken on the segmentation network's coarse mask
/// (<see cref="SocialCard.Faces.SelfieSegmentationModel.CoarseInputSize"/>, a quarter of the network's work); that
/// reading decides the finding only when every reading the verdict depends on lies farther from its limit than the 256
/// reading has ever been seen above or below the coarse one (the margins below: each larger than the largest difference
/// on that side measured over the devset photos with a face, the cheap cut-outs and the fix's outputs of the cut-out
/// tests: <c>bench/SocialCard.Benchmarks -- cutout-cascade</c>, <c>CutOutDamageRuleTests</c>); otherwise the 256 mask
/// is made and measured as without the cascade. So the verdict is the 256 pass's; a finding the coarse pass decided
/// reports the coarse value and says so in its limit text.
/// <para>Largest differences seen at 160 (256 reading above / below the coarse one; devset 409 photos with a face, and
/// the cut-out tests' compliant photos and their robustness variations, cheap cut-outs and fix outputs on the devset and
/// busy-dev originals): background level 1 / 1, person at the face 0.048 / 0.053, remnant 0.0135 / 0.0135, halo 0.092 /
/// 0.126, skull cut 0.183 / 0.288, jaggedness 0 / 0. The margins lie above each.</para>
/// </summary>
public static class CutOutCascade
{
    /// <summary>How much higher (and lower) the 256 pass's <see cref="CutOutReading.BackgroundLevel"/> may be (levels).</summary>
    public const int BackgroundUp = 2, BackgroundDown = 2;

    /// <summary>How much higher (and lower) the 256 pass's <see cref="CutOutReading.PersonAtFace"/> may be.</summary>
    public const double PersonUp = 0.1, PersonDown = 0.1;

    /// <summary>How much higher (and lower) the 256 pass's <see cref="CutOutMeasure.RemnantShare"/> may be.</summary>
    public const double RemnantUp = 0.014, RemnantDown = 0.015;

    /// <summary>How much higher (and lower) the 256 pass's <see cref="CutOutMeasure.HaloShare"/> may be.</summary>
    public const double HaloUp = 0.095, HaloDown = 0.13;

    /// <summary>How much higher (and lower) the 256 pass's <see cref="CutOutMeasure.SkullCut"/> may be.</summary>
    public const double SkullUp = 0.25, SkullDown = 0.3;

    /// <summary>True when the <paramref name="coarse"/> reading gives the finding the 256 pass would: a gate surely
    /// closed (the background surely not white, or the network surely not seeing a person at the face: no measures), or
    /// both gates clear of their limits and the measures, in the order the rule judges them, each clear of its limit up
    /// to the first that surely breaks it. <see cref="CutOutMeasure.Jaggedness"/> reads the pixels only (no mask): the
    /// same on both passes.</summary>
    public static bool Decides(CutOutReading coarse, CutOutLimits limits)
    {
        ArgumentNullException.ThrowIfNull(coarse);
        ArgumentNullException.ThrowIfNull(limits);
        if (coarse.BackgroundLevel - BackgroundDown > CutOutMeasure.WhiteBackground || coarse.PersonAtFace + PersonUp < 0.5)
        {
            return coarse.Measure is null; // the 256 pass takes no measures either
        }

        if (coarse.Measure is not { } m || coarse.BackgroundLevel + BackgroundUp > CutOutMeasure.WhiteBackground
            || coarse.PersonAtFace - PersonDown < 0.5)
        {
            return false;
        }

        foreach ((_, double value, double limit, double up, double down) in Ordered(m, limits))
        {
            if (value - down > limit)
            {
                return true; // surely broken: the finding is this measure's violation
            }

            if (value + up > limit)
            {
                return false; // near the limit
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="fine"/> lies within the margins of <paramref name="coarse"/> on every side a
    /// decision of <see cref="Decides"/> relies on (strictly inside: a margin is larger than any difference seen).</summary>
    public static bool WithinMargins(CutOutReading coarse, CutOutReading fine)
    {
        ArgumentNullException.ThrowIfNull(coarse);
        ArgumentNullException.ThrowIfNull(fine);
        bool gates = Within(coarse.BackgroundLevel, fine.BackgroundLevel, BackgroundUp, BackgroundDown)
            && Within(coarse.PersonAtFace, fine.PersonAtFace, PersonUp, PersonDown);
        if (coarse.Measure is not { } c || fine.Measure is not { } f)
        {
            return gates;
        }

        return gates && Within(c.RemnantShare, f.RemnantShare, RemnantUp, RemnantDown) && Within(c.HaloShare, f.HaloShare, HaloUp, HaloDown)
            && Within(c.SkullCut, f.SkullCut, SkullUp, SkullDown) && f.Jaggedness == c.Jaggedness;
    }

    /// <summary>The finding a reading gives: the measure that breaks its limit first in the rule's order
    /// ("remnant", "halo", "jagged", "skull"), "pass", or "skip" without measures.</summary>
    public static string Verdict(CutOutMeasure? measure, CutOutLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (measure is null)
        {
            return "skip";
        }

        foreach ((string name, double value, double limit, _, _) in Ordered(measure, limits))
        {
            if (value > limit)
            {
                return name;
            }
        }

        return "pass";
    }

    /// <summary>The measures in the order the rule judges them (the first over its limit is the finding): name, value,
    /// limit, and how much higher and lower the 256 pass's reading may be. Jaggedness reads the pixels only (no mask):
    /// the same on both passes.</summary>
    private static (string Name, double Value, double Limit, double Up, double Down)[] Ordered(CutOutMeasure m, CutOutLimits limits) =>
    [
        ("remnant", m.RemnantShare, limits.MaxRemnantShare, RemnantUp, RemnantDown),
        ("halo", m.HaloShare, limits.MaxHaloShare, HaloUp, HaloDown),
        ("jagged", m.Jaggedness, limits.MaxJaggedness, 0, 0),
        ("skull", m.SkullCut, limits.MaxSkullCut, SkullUp, SkullDown),
    ];

    private static bool Within(double coarse, double fine, double up, double down) => fine - coarse < up && coarse - fine < down;
}
