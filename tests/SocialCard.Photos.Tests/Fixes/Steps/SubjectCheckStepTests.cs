using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Fixes.Segmentation;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Steps;

/// <summary>
/// The fix never fabricates: devset photos labelled with a defect of the subject (two people, a double image, a smile
/// with teeth) are refused with the reason before any pixel is changed: no output, no re-check, the refusing step is
/// one that runs before the background step.
/// </summary>
public sealed class SubjectCheckStepTests
{
    private static readonly string[] s_beforePixels = ["fix.face", "fix.subject"];

    [Fact]
    public void Every_double_image_is_refused_before_any_pixel_changes()
    {
        IReadOnlyList<string> files = DevsetLabels.Files("sharpness.ghost");
        Assert.Equal(17, files.Count);
        foreach (string file in files)
        {
            AssertRefusedBeforePixels(file, "sharpness.ghost");
        }
    }

    [Fact]
    public void Every_smile_with_teeth_is_refused_before_any_pixel_changes()
    {
        IReadOnlyList<string> files = DevsetLabels.Files("expression.neutral");
        Assert.Equal(28, files.Count);
        foreach (string file in files)
        {
            AssertRefusedBeforePixels(file, "expression.neutral", "mouth.open");
        }
    }

    [Fact]
    public void Every_photo_of_two_people_is_refused_before_any_pixel_changes()
    {
        List<string> files = TwoPeople();
        Assert.Equal(14, files.Count);
        foreach (string file in files)
        {
            AssertRefusedBeforePixels(file, "face.several", "person.several");
        }
    }

    /// <summary>
    /// The mask alone tells two people apart where their heads do not touch, for a detector that sees only one of the
    /// faces: 10 of the 14 devset photos of two people (in the other 4 the hair of the two heads meets in the mask, and
    /// the detector's two faces refuse them), and one person in each of the 61 originals.
    /// </summary>
    [Fact]
    public void The_segmentation_mask_counts_two_people_where_the_heads_are_apart_and_one_in_every_original()
    {
        SelfieSegmenter segmenter = CheapCutOut.Segmenter;
        int two = 0;
        foreach (string file in TwoPeople())
        {
            using RgbImage image = ImageDecoder.Decode(File.ReadAllBytes(file));
            ObservedFace face = FixTestData.Detector.Analyze(image)!.Faces[0];
            int n = PersonBlobs.Count(segmenter.Segment(image), face.EyeMidpoint.X, face.EyeMidpoint.Y, face.Chin.Y);
            Assert.InRange(n, 1, 2);
            two += n == 2 ? 1 : 0;
        }

        Assert.True(two >= 10, $"the mask separates only {two} of 14 photos of two people");
        foreach (string file in FixTestData.AllOriginals())
        {
            using RgbImage image = ImageDecoder.Decode(File.ReadAllBytes(file));
            ObservedFace face = FixTestData.Detector.AnalyzeForFix(image)!.Faces[0];
            Assert.True(PersonBlobs.Count(segmenter.Segment(image), face.EyeMidpoint.X, face.EyeMidpoint.Y, face.Chin.Y) == 1, Path.GetFileName(file));
        }
    }

    /// <summary>
    /// A white top is judged on the whole original, where the crop to the profile geometry may show no more than the
    /// neckline: the devset people in plain white T-shirts (their tops read L* 96-97 against the white the fix puts
    /// them on, chroma under 1) are refused for it before any pixel changes.
    /// </summary>
    [Theory]
    [InlineData("frl_london_002")]
    [InlineData("frl_london_034")]
    [InlineData("frl_london_036")]
    public void A_white_top_in_the_original_is_refused_before_any_pixel_changes(string person) =>
        AssertRefusedBeforePixels(Path.Combine(FixTestData.OriginalsDir, person + ".jpg"), "clothing.light");

    /// <summary>A light top that is not white (cream, light grey: L* 88-92 against white) is left to the re-check, which
    /// lets it through waiting for a look at the top.</summary>
    [Theory]
    [InlineData("frl_london_022")]
    [InlineData("frl_london_031")]
    public void A_light_top_that_is_not_white_is_fixed_and_waits_for_a_look(string person)
    {
        FixResult r = FixTestData.Fixer().Fix(FixTestData.Original(person), "x.jpg", FixTestData.Suzhou, "1000000001");
        Assert.True(r.Success, $"{person}: {r.Refusal}");
        Assert.Equal(SocialCard.Photos.Rules.RuleOutcome.Warn, r.Recheck!.Findings.Single(f => f.Rule == "clothing.light").Outcome);
    }

    private static List<string> TwoPeople() =>
        [.. File.ReadLines(Path.Combine(FixTestData.DevsetRoot, "labels.tsv")).Select(l => l.Split('\t'))
            .Where(c => c.Length > 2 && c[1] == "face.count" && c[2].StartsWith("two people", StringComparison.Ordinal))
            .Select(c => Path.Combine(FixTestData.DevsetRoot, "images", c[0]))];

    private static void AssertRefusedBeforePixels(string file, params string[] codes)
    {
        FixResult r = FixTestData.Fixer().Fix(File.ReadAllBytes(file), "x.jpg", FixTestData.Suzhou, "1000000001");
        string name = Path.GetFileName(file);
        Assert.False(r.Success, name);
        Assert.True(codes.Contains(r.Refusal!.Code), $"{name}: {r.Refusal}");
        Assert.Null(r.Recheck);
        Assert.Null(r.Jpeg);
        Assert.Contains(r.Report.Steps[^1].Step, s_beforePixels);
        Assert.DoesNotContain(r.Report.Steps, s => s.Step == "fix.background");
        Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.Zh));
        Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.En));
    }
}
