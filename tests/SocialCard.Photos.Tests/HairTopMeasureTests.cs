using System.Globalization;
using System.Text.RegularExpressions;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Tests.TestSupport;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests;

/// <summary>
/// The one hair-top measure the checker reads (<see cref="HairTopMeasure"/> through <see cref="PhotoContext.HairTop"/>,
/// real face engine): on every compliant devset photo it lands within 2 px of the labelled hair top.
/// </summary>
public sealed partial class HairTopMeasureTests(ITestOutputHelper output)
{
    private const int LabelTolerancePx = 2;

    [Fact]
    public void Compliant_devset_photos_measure_the_labelled_hair_top()
    {
        int compliant = 0;
        var wrong = new List<string>();
        foreach (string line in File.ReadLines(Path.Combine(TestPhotos.DevsetDirectory, "labels.tsv")).Skip(1))
        {
            string[] cols = line.Split('\t');
            if (cols[1] != "compliant")
            {
                continue;
            }

            compliant++;
            int label = int.Parse(CompliantDetail().Match(cols[2]).Groups[1].Value, CultureInfo.InvariantCulture);
            byte[] data = File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", cols[0]));
            using PhotoContext context = PhotoContext.Create(data, cols[0], TestPhotos.Suzhou, TestFaceEngine.Detector);
            int? measured = context.HairTop;
            output.WriteLine($"{cols[0]} {measured}({label})");
            if (measured is null || Math.Abs(measured.Value - label) > LabelTolerancePx)
            {
                wrong.Add($"{cols[0]}: {measured?.ToString(CultureInfo.InvariantCulture) ?? "none"} vs {label}");
            }
        }

        Assert.True(compliant >= 20, $"{compliant} compliant photos");
        Assert.True(wrong.Count == 0, "hair top off the label: " + string.Join("; ", wrong));
    }

    [GeneratedRegex(@"hair top (\d+)")]
    private static partial Regex CompliantDetail();
}
