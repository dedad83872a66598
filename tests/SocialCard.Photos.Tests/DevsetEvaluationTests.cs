using System.Globalization;
using System.Text;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Tests.TestSupport;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests;

/// <summary>
/// Recall of every rule of the image engine on its labelled devset photos, and rejections of compliant photos
/// (labels compliant and clothing.light, which is compliant for every image rule). Face-dependent labels are left out:
/// their rules come with the face engine.
/// </summary>
public sealed class DevsetEvaluationTests(ITestOutputHelper output)
{
    private const double MinRecall = 0.95;
    private const double MaxCompliantRejections = 0.02;

    [Fact]
    public void Image_rules_catch_their_defects_and_pass_compliant_photos()
    {
        string labels = Path.Combine(TestPhotos.DevsetDirectory, "labels.tsv");
        Assert.True(File.Exists(labels), $"devset missing at {labels}");
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);
        var checker = new PhotoChecker();
        var engineRules = new HashSet<string>(PhotoRules.All.Select(r => r.Id), StringComparer.Ordinal);

        var caught = new Dictionary<string, (int Hit, int Total)>(StringComparer.Ordinal);
        var compliantRejected = new List<string>();
        var lightRejected = new List<string>();
        int compliant = 0, light = 0;
        var misses = new StringBuilder();
        foreach (string line in File.ReadLines(labels).Skip(1))
        {
            string[] cols = line.Split('\t');
            string file = cols[0], expected = cols[1];
            bool isCompliant = expected == "compliant";
            bool isLight = expected == "clothing.light";
            if (!isCompliant && !isLight && !engineRules.Contains(expected))
            {
                continue;
            }

            PhotoReport report = checker.Check(File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", file)), file, profile);
            string[] failed = [.. report.Failures.Select(f => f.Rule)];
            if (isCompliant || isLight)
            {
                _ = isCompliant ? compliant++ : light++;
                if (failed.Length > 0)
                {
                    (isCompliant ? compliantRejected : lightRejected).Add($"{file}: {string.Join(",", failed)}");
                }

                continue;
            }

            (int hit, int total) = caught.GetValueOrDefault(expected);
            bool ok = failed.Contains(expected);
            caught[expected] = (hit + (ok ? 1 : 0), total + 1);
            if (!ok)
            {
                misses.AppendLine(CultureInfo.InvariantCulture, $"  missed {expected} {file} ({cols[2]}); failed: {string.Join(",", failed)}");
            }
        }

        output.WriteLine($"{"rule",-20} {"caught",7} {"recall",7}");
        foreach ((string rule, (int hit, int total)) in caught.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rule,-20} {hit,3}/{total,-3} {hit / (double)total,7:P1}"));
        }

        output.WriteLine($"compliant rejected:      {compliantRejected.Count}/{compliant}");
        output.WriteLine($"clothing.light rejected: {lightRejected.Count}/{light}");
        foreach (string r in compliantRejected.Concat(lightRejected))
        {
            output.WriteLine("  " + r);
        }

        output.WriteLine(misses.ToString());

        Assert.Equal(20, compliant);
        Assert.Equal(18, light);
        Assert.True(caught.Count >= 16, $"only {caught.Count} labelled rules found");
        foreach ((string rule, (int hit, int total)) in caught)
        {
            Assert.True(hit >= MinRecall * total, $"{rule}: recall {hit}/{total} below {MinRecall:P0}");
        }

        Assert.True(compliantRejected.Count <= MaxCompliantRejections * compliant, string.Join("; ", compliantRejected));
        Assert.True(lightRejected.Count <= MaxCompliantRejections * light, string.Join("; ", lightRejected));
    }
}
