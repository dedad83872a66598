using SocialCard.Imaging;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Steps;

/// <summary>
/// The fix never fabricates: a damaged file and a black-and-white photo are refused with the reason before any step
/// that changes pixels has run (the report ends at the source check, after decoding, orientation and the face).
/// </summary>
public sealed class SourceCheckStepTests
{
    private const string Person = "frl_london_013";

    private static FixResult Fix(byte[] data) =>
        new PhotoFixer(FixTestData.Detector, null, new FixOptions { Recheck = false }).Fix(data, "x.jpg", FixTestData.Suzhou);

    private static void AssertRefusedBeforePixels(FixResult r, string code)
    {
        Assert.False(r.Success);
        Assert.Equal(code, r.Refusal!.Code);
        Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.Zh));
        Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.En));
        Assert.Null(r.Jpeg);
        Assert.Equal("fix.source", r.Report.Steps[^1].Step);
        Assert.Equal(FixStepOutcome.Failed, r.Report.Steps[^1].Outcome);
        Assert.All(r.Report.Steps, s => Assert.Contains(s.Step, new[] { "fix.decode", "fix.orientation", "fix.face", "fix.source" }));
    }

    [Fact]
    public void Colour_original_passes_the_source_check()
    {
        FixResult r = Fix(FixTestData.Original(Person));
        Assert.Equal(FixStepOutcome.Applied, r.Report.Find("fix.source")!.Outcome);
        Assert.NotNull(r.Jpeg);
    }

    [Fact]
    public void Truncated_file_is_refused()
    {
        byte[] whole = FixTestData.Original(Person);
        AssertRefusedBeforePixels(Fix(whole[..(whole.Length * 6 / 10)]), "image.truncated");
    }

    [Fact]
    public void Black_and_white_photo_is_refused()
    {
        using RgbImage colour = FixTestData.Decode(FixTestData.Original(Person));
        using RgbImage grey = ImageEdits.Map(colour, (r, g, b) =>
        {
            byte y = (byte)Math.Clamp((int)Math.Round((0.299 * r) + (0.587 * g) + (0.114 * b)), 0, 255);
            return (y, y, y);
        });
        AssertRefusedBeforePixels(Fix(ImageEdits.Jpeg(grey)), "image.monochrome");
    }

    [Fact]
    public void Sepia_toned_photo_is_refused()
    {
        using RgbImage colour = FixTestData.Decode(FixTestData.Original(Person));
        using RgbImage sepia = ImageEdits.Map(colour, (r, g, b) =>
        {
            double y = (0.299 * r) + (0.587 * g) + (0.114 * b);
            return ((byte)Math.Min(255, (y * 1.07) + 12), (byte)Math.Min(255, y * 0.95), (byte)Math.Min(255, y * 0.8));
        });
        AssertRefusedBeforePixels(Fix(ImageEdits.Jpeg(sepia)), "image.monochrome");
    }

    /// <summary>The devset's black-and-white photos (color.grayscale) and grey-scale files (image.color-depth) are refused
    /// as black-and-white.</summary>
    [Fact]
    public void Devset_black_and_white_photos_are_refused()
    {
        string[] files = [.. DevsetLabels.Files("color.grayscale"), .. DevsetLabels.Files("image.color-depth")];
        Assert.Equal(35, files.Length);
        Assert.All(files, f => Assert.Equal("image.monochrome", Fix(File.ReadAllBytes(f)).Refusal?.Code));
    }

    /// <summary>A washed-out colour photo (contrast.low) still has hues, only fainter: it is not refused as
    /// black-and-white (the tint spread read 1.8-2.5 on the pixels, under the former limit of 2.5 for 16 of the 18).</summary>
    [Fact]
    public void Washed_out_colour_photos_are_not_called_black_and_white()
    {
        IReadOnlyList<string> files = DevsetLabels.Files("contrast.low");
        Assert.Equal(18, files.Count);
        string[] called = [.. files.Where(f => Fix(File.ReadAllBytes(f)).Refusal?.Code == "image.monochrome").Select(Path.GetFileName)!];
        Assert.True(called.Length == 0, "called black-and-white: " + string.Join(", ", called));
    }
}
