using System.Globalization;
using System.Text;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>
/// The busy-dev table: every one of the 139 busy-background portraits (../shared/photos/busy-dev) fixed with the
/// suzhou-sscard profile, re-check included: how many come out fixed, how many are refused, for which reason. Most of
/// these people smile with their teeth showing, which no fix can change. Every result is a fixed photo that passes
/// every rule (the cut-out rule included) or a refusal with a zh and en reason.
/// </summary>
public sealed class BusyDevFixTableTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_busy_background_portrait_is_fixed_or_refused_with_a_reason()
    {
        PhotoFixer fixer = FixTestData.Fixer();
        string[] files = [.. Directory.GetFiles(Path.Combine(FixTestData.DevsetRoot, "..", "busy-dev", "originals"), "*.jpg").OrderBy(f => f, StringComparer.Ordinal)];
        Assert.Equal(139, files.Length);
        int fixedCount = 0, refusedBefore = 0, refusedRecheck = 0;
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var fixedNames = new List<string>();
        var closed = new List<string>();
        var others = new List<string>();
        HashSet<string> closedMouths = [.. File.ReadLines(Path.Combine(FixTestData.DevsetRoot, "..", "busy-dev", "labels.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c.Length > 1 && c[1] == "closed").Select(c => c[0])];
        foreach (string file in files)
        {
            FixResult r = fixer.Fix(File.ReadAllBytes(file), Path.GetFileName(file), FixTestData.Suzhou, "1000000001");
            if (closedMouths.Contains(Path.GetFileName(file)))
            {
                closed.Add($"{Path.GetFileNameWithoutExtension(file)} {(r.Success ? "fixed" : r.Refusal!.Code)}");
            }

            if (r.Success)
            {
                fixedCount++;
                fixedNames.Add(Path.GetFileNameWithoutExtension(file));
                Assert.DoesNotContain(r.Recheck!.Findings, f => f.Outcome == RuleOutcome.Fail);
                continue;
            }

            Assert.NotNull(r.Refusal);
            Assert.False(string.IsNullOrWhiteSpace(r.Refusal!.Reason.Zh));
            Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.En));
            if (r.Recheck is null)
            {
                refusedBefore++;
                reasons[r.Refusal.Code] = reasons.GetValueOrDefault(r.Refusal.Code) + 1;
                if (r.Refusal.Code is not ("expression.neutral" or "mouth.open"))
                {
                    others.Add($"{Path.GetFileNameWithoutExtension(file)} {r.Refusal.Code}");
                }
            }
            else
            {
                refusedRecheck++;
                foreach (string code in r.Refusal.Code.Replace("recheck:", string.Empty, StringComparison.Ordinal).Split(','))
                {
                    reasons["re-check " + code] = reasons.GetValueOrDefault("re-check " + code) + 1;
                }
            }
        }

        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"busy-dev: {fixedCount}/{files.Length} fixed and passing every rule; refused before any pixel changed: {refusedBefore}; refused by the re-check: {refusedRecheck}"));
        foreach (var kv in reasons)
        {
            sb.AppendLine($"  {kv.Key}: {kv.Value}");
        }

        sb.AppendLine("fixed: " + string.Join(", ", fixedNames));
        sb.AppendLine("refused for another reason: " + string.Join("; ", others));
        sb.AppendLine($"lips together ({closed.Count}, labels.tsv): " + string.Join("; ", closed));
        output.WriteLine(sb.ToString());
        Assert.Equal(files.Length, fixedCount + refusedBefore + refusedRecheck);
    }
}
