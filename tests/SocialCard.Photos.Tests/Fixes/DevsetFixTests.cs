using System.Globalization;
using System.Text;
using SocialCard.Imaging;
using SocialCard.Imaging.Inspection;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Fixes.Encoding;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Tests.Fixes.Support;
using Xunit.Abstractions;

namespace SocialCard.Photos.Tests.Fixes;

/// <summary>The done-when figures on the devset originals (61 people): fix table, KB windows, contact sheet.</summary>
public sealed class DevsetFixTests(ITestOutputHelper output)
{
    private const string GhostRule = "sharpness.ghost";

    [Fact]
    public void FixTable_EveryPhotoFixedOrRefusedWithReason()
    {
        var results = DevsetRun.Results;
        Assert.Equal(61, results.Count);
        int passed = 0, refusedBefore = 0, recheckFailed = 0, passedButGhost = 0;
        var byReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.AppendLine("person                 result   ms   KB    note");
        foreach ((string person, _, FixResult r) in results)
        {
            string note;
            if (r.Success)
            {
                passed++;
                note = r.Report.Find("fix.encode")?.After is { } kb ? string.Create(CultureInfo.InvariantCulture, $"{kb:0.0}") : "";
            }
            else
            {
                Assert.NotNull(r.Refusal);
                Assert.False(string.IsNullOrWhiteSpace(r.Refusal!.Reason.Zh));
                Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.En));
                if (r.Recheck is null)
                {
                    refusedBefore++;
                }
                else
                {
                    recheckFailed++;
                    if (r.Recheck.Failures.All(f => f.Rule == GhostRule))
                    {
                        passedButGhost++;
                    }
                }

                foreach (string code in r.Refusal.Code.Replace("recheck:", string.Empty, StringComparison.Ordinal).Split(','))
                {
                    byReason[code] = byReason.GetValueOrDefault(code) + 1;
                }

                note = r.Refusal.Code;
            }

            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{person,-22} {(r.Success ? "PASS" : "REFUSED"),-8} {r.Report.ElapsedMilliseconds,4:0} {note}"));
        }

        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"passed re-check: {passed}/{results.Count} ({100.0 * passed / results.Count:0.0}%); refused by a step: {refusedBefore}; refused because the re-check failed: {recheckFailed}"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"passing every rule except {GhostRule}: {passed + passedButGhost}/{results.Count} ({100.0 * (passed + passedButGhost) / results.Count:0.0}%)"));
        foreach (var kv in byReason)
        {
            sb.AppendLine($"  {kv.Key}: {kv.Value}");
        }

        output.WriteLine(sb.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "socialcard-fix-devset.txt"), sb.ToString());

        // Every success really passes: the JPEG is the profile's container and the re-check found no failure.
        foreach ((_, _, FixResult r) in results.Where(x => x.Result.Success))
        {
            Assert.DoesNotContain(r.Recheck!.Findings, f => f.Outcome == RuleOutcome.Fail);
            ContainerInfo info = ContainerInspector.Inspect(r.Jpeg);
            Assert.Equal(358, info.Width);
            Assert.Equal(441, info.Height);
            Assert.Equal(3, info.Components);
            Assert.False(info.IsProgressive);
            Assert.Equal(350, info.DpiX);
            Assert.InRange(r.Jpeg!.Length, 10 * 1024, 40 * 1024);
            Assert.Matches("^[0-9]{10}\\.jpg$", r.SuggestedFileName);
        }

        // Floors below what this session measured (75-92% as the checker's rules changed under it). Earlier in the session the ghost rule failed 16 of the devset's 20
        // compliant reference photos, so the fix is held to the other rules separately; raise both as the rules settle.
        Assert.True(passed >= results.Count * 0.7, $"only {passed} of {results.Count} fixes pass the re-check");
        Assert.True(passed + passedButGhost >= results.Count * 0.7, $"only {passed + passedButGhost} of {results.Count} fixes pass every rule but {GhostRule}");
    }

    [Theory]
    [InlineData(10, 40)]
    [InlineData(14, 40)]
    [InlineData(9, 20)]
    public void KbSearch_HitsWindow_ForEveryDevsetOutput(int minKb, int maxKb)
    {
        int hits = 0, n = 0, encodes = 0;
        var qualities = new List<int>();
        foreach ((string person, _, FixResult r) in DevsetRun.Results)
        {
            if (r.Jpeg is null)
            {
                continue;
            }

            using RgbImage image = ImageDecoder.Decode(r.Jpeg);
            JpegSizeSearch.Result s = JpegSizeSearch.Find(image, minKb * 1024, maxKb * 1024, 350);
            n++;
            Assert.True(s.Success, $"{person}: window {minKb}-{maxKb} KB not met ({s.SmallestSize}-{s.LargestSize} B)");
            Assert.InRange(s.Jpeg!.Length, minKb * 1024, maxKb * 1024);
            Assert.Equal(350, ContainerInspector.Inspect(s.Jpeg).DpiX);
            hits++;
            encodes += s.Encodes;
            qualities.Add(s.Quality);
        }

        qualities.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{minKb}-{maxKb} KB: {hits}/{n} in window, quality {qualities[0]}-{qualities[^1]} (median {qualities[qualities.Count / 2]}), {encodes / (double)n:0.0} encodes per photo"));
        Assert.True(n >= 55);
    }

    [Fact]
    public void ContactSheet_TwelveBeforeAfter()
    {
        var picked = DevsetRun.Results.Where(x => x.Result.Jpeg is not null).Where((_, i) => i % 4 == 0).Take(12).ToList();
        Assert.Equal(12, picked.Count);
        const int CellW = 120, CellH = 148, Gap = 4;
        int cols = 4, rows = 3;
        using var sheet = new RgbImage(cols * ((2 * CellW) + (3 * Gap)), rows * (CellH + (2 * Gap)));
        sheet.Pixels.Fill(235);
        for (int k = 0; k < picked.Count; k++)
        {
            int x0 = (k % cols) * ((2 * CellW) + (3 * Gap)) + Gap, y0 = (k / cols) * (CellH + (2 * Gap)) + Gap;
            using RgbImage before = ImageDecoder.Decode(picked[k].Original);
            using RgbImage after = ImageDecoder.Decode(picked[k].Result.Jpeg!);
            int bw = Math.Min(CellW, before.Width * CellH / before.Height), bh = Math.Min(CellH, before.Height * CellW / before.Width);
            using RgbImage b = ImageEdits.Resize(before, bw, bh);
            using RgbImage a = ImageEdits.Resize(after, CellW, CellH);
            Blit(sheet, b, x0 + ((CellW - bw) / 2), y0 + ((CellH - bh) / 2));
            Blit(sheet, a, x0 + CellW + Gap, y0);
        }

        string path = Path.Combine(FixTestData.RepoRoot, "docs", "fix-contact-sheet.png");
        byte[] png = PngWriter.Rgb(sheet);
        File.WriteAllBytes(path, png);
        Assert.True(png.Length > 10_000);
    }

    private static void Blit(RgbImage dst, RgbImage src, int x0, int y0)
    {
        for (int y = 0; y < src.Height; y++)
        {
            src.Row(y).CopyTo(dst.Row(y0 + y).Slice(x0 * 3, src.Stride));
        }
    }
}
