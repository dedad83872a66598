using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Imaging.Processing.Resize;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Profiles;
using SocialCard.Photos.Rules;
using SocialCard.Photos.Rules.Sharpness;
using SocialCard.Photos.Tests.TestSupport;

namespace SocialCard.Photos.Tests.Rules.Sharpness;

/// <summary>
/// The echo measure holds under the changes a photo goes through without changing its answer: every compliant and
/// light-top devset photo passes sharpness.ghost and every ghost photo fails it, as stored, re-saved at JPEG quality 60
/// and 75, and rescaled by -10% and +10% (where the earlier reading let a ghost through at JPEG 75 and failed a single
/// image at -10%).
/// </summary>
public sealed class GhostDevsetTests
{
    private static readonly (string Name, Func<byte[], byte[]> Change)[] s_variants =
    [
        ("stored", bytes => bytes),
        ("jpeg60", bytes => Reencode(bytes, 1.0, 60)),
        ("jpeg75", bytes => Reencode(bytes, 1.0, 75)),
        ("scale0.9", bytes => Reencode(bytes, 0.9, 95)),
        ("scale1.1", bytes => Reencode(bytes, 1.1, 95)),
    ];

    [Fact]
    public void Single_images_pass_and_ghosts_fail_when_re_encoded_or_rescaled()
    {
        SpecProfile profile = TestPhotos.Suzhou;
        var rule = new GhostRule();
        var wrong = new List<string>();
        int checks = 0;
        foreach (string[] cols in System.IO.File.ReadLines(Path.Combine(TestPhotos.DevsetDirectory, "labels.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c[1] is "compliant" or "clothing.light" or "sharpness.ghost"))
        {
            bool ghost = cols[1] == "sharpness.ghost";
            byte[] stored = System.IO.File.ReadAllBytes(Path.Combine(TestPhotos.DevsetDirectory, "images", cols[0]));
            foreach ((string name, Func<byte[], byte[]> change) in s_variants)
            {
                using PhotoContext context = PhotoContext.Create(change(stored), cols[0], profile, TestFaceEngine.Detector);
                RuleFinding finding = rule.Evaluate(context, profile);
                checks++;
                if (finding.Outcome != (ghost ? RuleOutcome.Fail : RuleOutcome.Pass))
                {
                    wrong.Add($"{cols[0]} ({cols[1]}) {name}: {finding.Outcome} at {context.Echo.Strength:0.000}");
                }
            }
        }

        Assert.True(checks > 250, $"only {checks} checks");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static byte[] Reencode(byte[] stored, double scale, int quality)
    {
        using RgbImage image = ImageDecoder.Decode(stored);
        if (scale == 1.0)
        {
            return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = quality });
        }

        using RgbImage resized = Resizer.Resize(image, (int)Math.Round(image.Width * scale), (int)Math.Round(image.Height * scale));
        return JpegEncoder.Encode(resized, new JpegEncoderOptions { Quality = quality, Subsampling = ChromaSubsampling.Chroma444 });
    }
}
