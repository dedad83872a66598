using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Tests.Fixes.Support;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests;

/// <summary>
/// Tiny and degenerate images (one pixel, one row, one column, all black, all white) are valid files: the checker
/// gives them a verdict with findings and the fixer refuses them with a reason, through the real face engine; neither
/// throws.
/// </summary>
public sealed class DegenerateImageTests
{
    public static TheoryData<string, int, int, byte> Shapes => new()
    {
        { "jpeg", 1, 1, 128 },
        { "jpeg", 1, 40, 200 },
        { "jpeg", 40, 1, 200 },
        { "jpeg", 358, 1, 255 },
        { "jpeg", 1, 441, 255 },
        { "jpeg", 2, 2, 90 },
        { "jpeg", 3, 3, 90 },
        { "jpeg", 8, 8, 60 },
        { "jpeg", 358, 441, 0 },
        { "jpeg", 358, 441, 255 },
        { "png", 1, 1, 128 },
        { "png", 64, 1, 240 },
        { "png", 1, 64, 240 },
        { "png", 2, 2, 0 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Checker_gives_a_verdict(string format, int width, int height, byte level)
    {
        byte[] data = Encode(format, width, height, level);
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);

        PhotoReport report = TestFaceEngine.Checker.Check(data, $"1000000001.{format}", profile);

        Assert.NotEmpty(report.Findings);
        Assert.NotEqual(PhotoVerdict.Pass, report.Verdict);
        Assert.All(report.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message.Zh)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Fixer_refuses_with_a_reason(string format, int width, int height, byte level)
    {
        byte[] data = Encode(format, width, height, level);
        var fixer = new PhotoFixer(TestFaceEngine.Detector);

        FixResult result = fixer.Fix(data, $"1000000001.{format}", SpecProfiles.Get(SpecProfiles.Suzhou), "1000000001");

        Assert.False(result.Success);
        Assert.NotNull(result.Refusal);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal!.Reason.Zh));
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Reason.En));
    }

    private static byte[] Encode(string format, int width, int height, byte level)
    {
        using var image = new RgbImage(width, height);
        image.Pixels.Fill(level);
        return format == "png" ? PngWriter.Rgb(image) : JpegEncoder.Encode(image);
    }
}
