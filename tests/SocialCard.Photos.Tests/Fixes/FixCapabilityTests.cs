using System.Globalization;
using System.Text;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// The list of repairable rules (<see cref="FixCapability"/>) against what the fix does: every devset photo is fixed
/// (suzhou-sscard, re-check included) and the share that comes out passing is counted per label: a listed label
/// must come out fixed in at least a third of its photos, a defect of the subject or the source never, and any
/// other unlisted label less often than a listed one must.
/// </summary>
public sealed class FixCapabilityTests(ITestOutputHelper output)
{
    /// <summary>A label the list calls repairable must come out fixed at least this often on the devset (today the
    /// lowest is exposure.under, 14/18: the other 4 keep too little contrast).</summary>
    private const double MinRepairedShare = 1.0 / 3;

    /// <summary>Light tops are judged by the clothing rule, whose use on the original is still open: some come out
    /// fixed today although the fix never changes a top. Left out of the "never fixed" check, not of the list.</summary>
    private const string LightTop = "clothing.light";

    /// <summary>The subject or the source: the fix refuses these before any pixel changes.</summary>
    private static readonly HashSet<string> NeverFixed = new(StringComparer.Ordinal)
    {
        "color.grayscale", "image.color-depth", "image.corrupt", "expression.neutral", "face.count", "sharpness.blur", "sharpness.ghost",
    };

    [Fact]
    public void A_photo_is_worth_a_fix_only_when_every_failing_rule_is_repairable()
    {
        Assert.True(FixCapability.CanRepair(["background.color", "face.position"]));
        Assert.False(FixCapability.CanRepair(["background.color", "mouth.open"]));
        Assert.False(FixCapability.CanRepair(["color.grayscale"]));
        Assert.False(FixCapability.CanRepair([]));
    }

    [Fact]
    public void Every_repairable_id_is_a_rule_the_checker_has()
    {
        HashSet<string> ids = [.. PhotoRules.All.Select(r => r.Id)];
        Assert.All(FixCapability.Repairable, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void The_fix_repairs_the_labels_the_list_names_and_never_the_others()
    {
        PhotoFixer fixer = FixTestData.Fixer();
        var byLabel = new SortedDictionary<string, (int Fixed, int Total)>(StringComparer.Ordinal);
        var refusals = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(FixTestData.DevsetRoot, "labels.tsv")).Skip(1))
        {
            string[] c = line.Split('\t');
            if (c.Length < 2 || c[1] == "compliant")
            {
                continue;
            }

            byte[] data = File.ReadAllBytes(Path.Combine(FixTestData.DevsetRoot, "images", c[0]));
            FixResult r = fixer.Fix(data, c[0], FixTestData.Suzhou, "1000000001");
            (int f, int t) = byLabel.GetValueOrDefault(c[1]);
            byLabel[c[1]] = (f + (r.Success ? 1 : 0), t + 1);
            if (r.Refusal is { } refusal)
            {
                SortedDictionary<string, int> codes = refusals.TryGetValue(c[1], out var known) ? known : refusals[c[1]] = new(StringComparer.Ordinal);
                codes[refusal.Code] = codes.GetValueOrDefault(refusal.Code) + 1;
            }
        }

        var sb = new StringBuilder();
        foreach ((string label, (int f, int t)) in byLabel)
        {
            string why = refusals.TryGetValue(label, out var codes) ? string.Join(", ", codes.Select(kv => $"{kv.Key} {kv.Value}")) : "";
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{label,-20} {(FixCapability.Repairable.Contains(label) ? "repairable" : "refused"),-11} fixed {f,2}/{t,2}  {why}"));
        }

        output.WriteLine(sb.ToString());
        foreach ((string label, (int f, int t)) in byLabel)
        {
            if (FixCapability.Repairable.Contains(label))
            {
                Assert.True(f >= t * MinRepairedShare, $"{label}: only {f}/{t} fixed\n{sb}");
            }
            else if (NeverFixed.Contains(label))
            {
                Assert.True(f == 0, $"{label}: {f}/{t} came out fixed although no honest fix can repair it\n{sb}");
            }
            else if (label != LightTop)
            {
                Assert.True(f < t * MinRepairedShare, $"{label}: {f}/{t} fixed, often enough to offer the fix for it\n{sb}");
            }
        }
    }
}
