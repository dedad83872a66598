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

    /// <summary>
    /// The issue's figure: every original is fixed into a photo that passes every rule of the profile (re-checked with
    /// the full rule set, face rules included) or refused with a reason. The devset README says the people whose only
    /// photo is labelled expression.neutral smile in their original too, so no fix can make them compliant: they must be
    /// refused for the expression, and they are left out of the pass rate. People whose only photo is clothing.light
    /// wear light clothing in their original (the fix does not recolour clothes): reported separately.
    /// </summary>
    [Fact]
    public void FixTable_EveryPhotoFixedOrRefusedWithReason()
    {
        var results = DevsetRun.Results;
        Assert.Equal(61, results.Count);
        HashSet<string> smilers = DevsetLabels.PeopleOnlyLabelled("expression.neutral");
        HashSet<string> lightClothes = DevsetLabels.PeopleOnlyLabelled("clothing.light");
        Assert.Equal(23, smilers.Count);
        int passed = 0, refusedBefore = 0, recheckFailed = 0, fixable = 0, fixablePassed = 0, smilersRefusedForExpression = 0;
        var byReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var fixableFailures = new List<string>();
        var sb = new StringBuilder();
        sb.AppendLine("person                 group    result   ms    KB    note");
        foreach ((string person, _, FixResult r) in results)
        {
            string group = smilers.Contains(person) ? "smile" : lightClothes.Contains(person) ? "light" : "fixable";
            string note;
            if (r.Success)
            {
                passed++;
                note = r.Report.Find("fix.encode")?.After is { } kb ? string.Create(CultureInfo.InvariantCulture, $"{kb,5:0.0}") : "";
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
                }

                foreach (string code in r.Refusal.Code.Replace("recheck:", string.Empty, StringComparison.Ordinal).Split(','))
                {
                    byReason[code] = byReason.GetValueOrDefault(code) + 1;
                }

                note = "      " + r.Refusal.Code;
            }

            if (group == "smile" && !r.Success && (r.Refusal!.Code.Contains("expression.neutral", StringComparison.Ordinal) || r.Refusal.Code.Contains("mouth.open", StringComparison.Ordinal)))
            {
                smilersRefusedForExpression++;
            }

            if (group == "fixable")
            {
                fixable++;
                fixablePassed += r.Success ? 1 : 0;
                if (!r.Success)
                {
                    fixableFailures.Add($"{person} ({r.Refusal!.Code})");
                }
            }

            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{person,-22} {group,-8} {(r.Success ? "PASS" : "REFUSED"),-8} {r.Report.ElapsedMilliseconds,4:0} {note}"));
        }

        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"all originals: {passed}/{results.Count} fixed and passing every rule; refused by a step: {refusedBefore}; refused because the re-check failed: {recheckFailed}"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"people who smile in their only photo: {smilersRefusedForExpression}/{smilers.Count} refused for the expression"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"people in light clothing in their only photo: {lightClothes.Count(p => results.Any(x => x.Person == p && x.Result.Success))}/{lightClothes.Count} fixed, " +
            $"{lightClothes.Count(p => results.Any(x => x.Person == p && x.Result.Success && x.Result.Recheck!.Findings.FirstOrDefault(f => f.Rule == "clothing.light")?.Outcome == RuleOutcome.Warn))} of them waiting for a look at the top; " +
            $"{lightClothes.Count(p => results.Any(x => x.Person == p && x.Result.Refusal?.Code == "clothing.light"))} refused for a white top before any pixel changed"));
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"everyone else (fixable): {fixablePassed}/{fixable} ({100.0 * fixablePassed / fixable:0.0}%) pass; refused: {string.Join(", ", fixableFailures)}"));
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

        // Smilers are refused, for the expression.
        Assert.Equal(smilers.Count, smilersRefusedForExpression);

        // The issue's target: 95% of the originals without an unfixable defect (a smile, light clothing) pass every rule
        // (measured 19 of 20: frl_london_030 wears a plain white T-shirt in the original, the whitest top of the 61
        // (L* 98 against white, chroma 0.3), and is refused for it before any pixel changes; its label, 83.4 on the whole
        // shirt with its shadows, calls it compliant, and its devset photo crops the shirt away).
        Assert.True(fixablePassed >= fixable * 0.95, $"only {fixablePassed} of {fixable} fixable originals pass: {string.Join(", ", fixableFailures)}");
    }

    [Theory]
    [InlineData(10, 40)]
    [InlineData(14, 40)]
    [InlineData(9, 20)]
    public void KbSearch_HitsWindow_ForEveryDevsetOutput(int minKb, int maxKb)
    {
        int hits = 0, n = 0, encodes = 0;
        var qualities = new List<int>();
        foreach ((string person, _, FixResult r) in DevsetRun.Pixels)
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
        var fixedOnes = DevsetRun.Results.Where(x => x.Result.Success).ToList();
        var picked = fixedOnes.Where((_, i) => i % Math.Max(1, fixedOnes.Count / 12) == 0).Take(12).ToList();
        Assert.Equal(12, picked.Count);
        const int CellW = 100, CellH = 123, Gap = 4;
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

        // 6 bits per channel: invisible at this size, and the PNG shrinks by a third.
        Span<byte> px = sheet.Pixels;
        for (int i = 0; i < px.Length; i++)
        {
            px[i] = (byte)((px[i] & 0xFC) | (px[i] >> 6));
        }

        // Written under the test output; the committed copy in docs/ is refreshed only on request
        // (SC_CONTACT_SHEET_OUT=$PWD/docs/fix-contact-sheet.png), so a test run never changes the checkout.
        string path = Environment.GetEnvironmentVariable("SC_CONTACT_SHEET_OUT") is { Length: > 0 } requested
            ? requested
            : Path.Combine(AppContext.BaseDirectory, "fix-contact-sheet.png");
        byte[] png = PngWriter.Rgb(sheet);
        File.WriteAllBytes(path, png);
        output.WriteLine($"contact sheet {sheet.Width}x{sheet.Height}, {png.Length / 1024} KB: {path}");
        Assert.True(png.Length > 10_000);
        Assert.True(png.Length < 300 * 1024, $"contact sheet is {png.Length / 1024} KB; keep it under 300 KB");
    }

    private static void Blit(RgbImage dst, RgbImage src, int x0, int y0)
    {
        for (int y = 0; y < src.Height; y++)
        {
            src.Row(y).CopyTo(dst.Row(y0 + y).Slice(x0 * 3, src.Stride));
        }
    }
}
