using System.Globalization;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Tests.TestSupport;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Rules.Clothing;

/// <summary>
/// The clothing measure on the devset's compliant and clothing.light photos, next to the label's L* (mean of the whole
/// shirt in the original portrait): prints the calibration table and the margins on both sides of the profile's two
/// limits. A light top waits for a look (over maxClothingLightness); only a white one fails (over maxWhiteLightness and
/// its review band, chroma at most maxWhiteChroma), and no compliant top comes near that.
/// </summary>
public sealed class ClothingDevsetCalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public void Light_tops_are_looked_at_and_no_compliant_top_comes_near_the_white_limit()
    {
        string labels = Path.Combine(TestPhotos.DevsetDirectory, "labels.tsv");
        Assert.True(System.IO.File.Exists(labels), $"devset missing at {labels}");
        SpecProfile profile = TestPhotos.Suzhou;
        RuleSettings settings = profile.Rule("clothing.light");
        Assert.True(settings.TryGet("maxClothingLightness", out double light));
        Assert.True(settings.TryGet("maxWhiteLightness", out double white));
        double band = settings.Bands.GetValueOrDefault("maxWhiteLightness");
        var lightTops = new List<double>();
        var compliant = new List<double>();
        output.WriteLine("file            label           label L*  L*     relative L*  chroma  pixels");
        foreach (string[] c in System.IO.File.ReadLines(labels).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c[1] is "compliant" or "clothing.light")
            .OrderBy(c => double.Parse(c[8], CultureInfo.InvariantCulture)))
        {
            byte[] bytes = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", c[0]));
            using PhotoContext context = PhotoContext.Create(bytes, c[0], profile, TestFaceEngine.Detector);
            ClothingMeasure? m = context.PrimaryFace is null ? null : context.Clothing;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c[0],-15} {c[1],-15} {c[8],8}  {m?.MeanLightness,5:F2}  {m?.RelativeLightness,11:F2}  {m?.RelativeChroma,6:F2}  {m?.Pixels ?? 0,6}"));
            if (m is not null)
            {
                (c[1] == "compliant" ? compliant : lightTops).Add(m.RelativeLightness);
            }
        }

        lightTops.Sort();
        compliant.Sort();
        int looked = lightTops.Count(v => v > light);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"light limit {light}: light tops over it {looked}/{lightTops.Count}, compliant over it {compliant.Count(v => v > light)}/{compliant.Count}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"white limit {white} (band {band}): lightest compliant {compliant[^1]:F2} ({white - band - compliant[^1]:F2} below the band), light tops failing {lightTops.Count(v => v > white + band)}"));
        Assert.DoesNotContain(compliant, v => v >= white - band - 3);
        Assert.True(looked >= 17, $"only {looked} of 18 light tops over {light}");
        Assert.True(compliant.Count(v => v > light) <= 2, "more than two compliant tops would wait for a look");
    }
}
