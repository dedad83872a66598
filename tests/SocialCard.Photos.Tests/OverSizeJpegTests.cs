using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Processing.Resize;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests;

/// <summary>
/// A real portrait saved larger than the checker decodes (49 MP, more than the 40 MP the decoder allows in full) gets a
/// verdict from the real face engine, read from pixels decoded at a fraction of each side; the size it is judged on is
/// the file's own.
/// </summary>
public sealed class OverSizeJpegTests
{
    private static readonly Lazy<byte[]> s_baseline = new(() => OverSize(progressive: false));
    private static readonly Lazy<byte[]> s_progressive = new(() => OverSize(progressive: true));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_49_megapixel_portrait_gets_a_verdict_from_pixels_decoded_scaled(bool progressive)
    {
        byte[] jpeg = progressive ? s_progressive.Value : s_baseline.Value;
        SpecProfile profile = SpecProfiles.Get(SpecProfiles.Suzhou);

        PhotoReport report = TestFaceEngine.Checker.Check(jpeg, "1000000001.jpg", profile);

        Assert.NotEqual(PhotoVerdict.Error, report.Verdict);
        Assert.Equal(SocialCard.Photos.Rules.RuleOutcome.Pass, report.Findings.Single(f => f.Rule == "face.count").Outcome);
        Assert.Equal("7000x7000", report.Findings.Single(f => f.Rule == "image.dimensions").Text);
    }

    [Fact]
    public void The_checker_never_holds_the_full_size_pixels()
    {
        using PhotoContext context = PhotoContext.Create(s_baseline.Value, "1000000001.jpg", SpecProfiles.Get(SpecProfiles.Suzhou), decodeOptions: PhotoChecker.DefaultDecodeOptions);

        Assert.Equal(2, context.DecodeScale);
        Assert.Equal((3500, 3500), (context.Image!.Width, context.Image.Height));
        Assert.Equal((7000, 7000), (context.SourceWidth, context.SourceHeight));
        Assert.True((long)context.Image.Width * context.Image.Height <= PhotoChecker.DefaultDecodeOptions.MaxPixels);
    }

    /// <summary>A devset original (1200x1200, a real face) enlarged to 7000x7000.</summary>
    private static byte[] OverSize(bool progressive)
    {
        string original = Path.Combine(TestPhotos.DevsetDirectory, "originals", "frl_london_002.jpg");
        using RgbImage small = ImageDecoder.Decode(File.ReadAllBytes(original));
        using RgbImage large = Resizer.Resize(small, 7000, 7000);
        return JpegEncoder.Encode(large, new JpegEncoderOptions { Quality = 85, Progressive = progressive });
    }
}
