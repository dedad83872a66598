using System.Globalization;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Tests.TestSupport;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Rules.Clothing;

/// <summary>
/// The clothing measure on the devset's compliant and clothing.light photos, next to the label's L* (mean of the whole
/// shirt in the original portrait): prints the calibration table and the margins on both sides of the profile threshold.
/// </summary>
public sealed class ClothingDevsetCalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public void Light_and_compliant_shirts_fall_on_their_sides_of_the_profile_threshold()
    {
        string labels = Path.Combine(TestPhotos.DevsetDirectory, "labels.tsv");
        Assert.True(System.IO.File.Exists(labels), $"devset missing at {labels}");
        SpecProfile profile = TestPhotos.Suzhou;
        Assert.True(profile.Rule("clothing.light").TryGet("maxClothingLightness", out double max));
        var light = new List<double>();
        var compliant = new List<double>();
        output.WriteLine("file            label           label L*  measured L*  pixels");
        foreach (string[] c in System.IO.File.ReadLines(labels).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c[1] is "compliant" or "clothing.light")
            .OrderBy(c => double.Parse(c[8], CultureInfo.InvariantCulture)))
        {
            byte[] bytes = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", c[0]));
            using PhotoContext context = PhotoContext.Create(bytes, c[0], profile, TestFaceEngine.Detector);
            ClothingMeasure? m = context.PrimaryFace is null ? null : context.Clothing;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c[0],-15} {c[1],-15} {c[8],8}  {(m is null ? "skip" : m.MeanLightness.ToString("F2", CultureInfo.InvariantCulture)),11}  {m?.Pixels ?? 0,6}"));
            if (m is not null)
            {
                (c[1] == "compliant" ? compliant : light).Add(m.MeanLightness);
            }
        }

        light.Sort();
        compliant.Sort();
        int caught = light.Count(v => v > max);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {max}: light caught {caught}/18, compliant over it {compliant.Count(v => v > max)}/20"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"margins: lightest compliant {compliant[^1]:F2} ({max - compliant[^1]:F2} below), second-darkest light {light[1]:F2} ({light[1] - max:F2} above)"));
        Assert.DoesNotContain(compliant, v => v > max);
        Assert.True(caught >= 17, $"only {caught} of 18 light shirts over {max}");
    }
}
