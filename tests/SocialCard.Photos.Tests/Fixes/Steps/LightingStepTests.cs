using SocialCard.Imaging;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Steps;

/// <summary>Side lighting is evened out until the checker's lighting.uneven rule passes; an evenly lit face is left alone.</summary>
public sealed class LightingStepTests
{
    private static RgbImage SideLit(RgbImage src, double darkest)
    {
        RgbImage dst = src.Clone();
        Span<byte> p = dst.Pixels;
        for (int y = 0; y < src.Height; y++)
        {
            for (int x = 0; x < src.Width; x++)
            {
                // The left side of the face darkened towards the left cheek (a key light from the right): full shade a
                // quarter of the width in, none at the centre line.
                double t = Math.Clamp((x - (src.Width / 4.0)) / (src.Width / 4.0), 0, 1);
                double k = darkest + ((1 - darkest) * t);
                int i = ((y * src.Width) + x) * 3;
                p[i] = (byte)(p[i] * k);
                p[i + 1] = (byte)(p[i + 1] * k);
                p[i + 2] = (byte)(p[i + 2] * k);
            }
        }

        return dst;
    }

    [Fact]
    public void SideLitFace_Evened_UntilTheRulePasses()
    {
        using RgbImage a = FixTestData.Decode(FixTestData.Original("frl_london_013"));
        using RgbImage lit = SideLit(a, 0.3);
        FixResult r = FixTestData.Fixer(new FixOptions { Recheck = false }).Fix(ImageEdits.Jpeg(lit), "a.jpg", FixTestData.Suzhou);
        FixStepResult step = r.Report.Find("fix.lighting")!;
        Assert.Equal(FixStepOutcome.Applied, step.Outcome);
        Assert.True(step.Before < 0.765, step.ToString());
        Assert.True(step.After > step.Before + 0.1, step.ToString());
        RuleFinding finding = new PhotoChecker(FixTestData.Detector).Check(r.Jpeg!, "3205000001.jpg", FixTestData.Suzhou).Findings.Single(f => f.Rule == "lighting.uneven");
        Assert.Equal(RuleOutcome.Pass, finding.Outcome);
    }

    [Fact]
    public void EvenlyLitFace_Untouched()
    {
        FixResult r = FixTestData.Fixer(new FixOptions { Recheck = false }).Fix(FixTestData.Original("frl_london_013"), "a.jpg", FixTestData.Suzhou);
        Assert.Equal(FixStepOutcome.Skipped, r.Report.Find("fix.lighting")!.Outcome);
    }
}
