using SocialCard.Faces;
using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Geometry;

/// <summary>
/// <see cref="MatteShoulders"/> on photos with the installed segmentation network: the devset photo whose shoulders
/// the network outlines reads level and its body turned by 10 degrees under the head reads the turn; busy-dev portraits
/// read as their bodies sit, on the fix's own face, matte and roll (the steps before the crop). (A whole photo turned
/// with its eyes is covered on drawn mattes: turned by the test's nearest-pixel rotation, the network's mask of the
/// smeared corners gives the check's reading nothing to read.)
/// </summary>
public sealed class MatteShouldersPhotoTests
{
    private const string Outlined = "7016806290.jpg";

    [Fact]
    public void The_body_turned_under_the_head_reads_the_turn()
    {
        using RgbImage image = Devset(Outlined);
        ObservedFace face = Face(image);
        double level = Read(image, face, 0);
        Assert.InRange(level, -4, 4);
        foreach (int degrees in new[] { -10, 10 })
        {
            using RgbImage turned = SocialCard.Photos.Tests.TestSupport.ImageEdits.RotateBody(image, degrees, face.EyeMidpoint.X, face.Chin.Y);
            double tilt = Read(turned, face, 0);
            Assert.True(Math.Sign(degrees) * (tilt - level) > 7, $"{level:0.0} -> {tilt:0.0} for {degrees}");
        }
    }

    [Theory]
    [InlineData("voteview_021505", 12, 18)]
    [InlineData("voteview_029109", 8.5, 12)]
    [InlineData("voteview_021929", 0, 3)]
    [InlineData("voteview_021507", 3, 7.5)]
    public void Busy_dev_shoulders_read_as_the_body_sits(string name, double minAbs, double maxAbs)
    {
        FixContext ctx = StepRunner.Before("fix.crop", File.ReadAllBytes(Path.Combine(FixTestData.DevsetRoot, "..", "busy-dev", "originals", name + ".jpg")), FixTestData.SuzhouAnyExpression);
        double tilt = MatteShoulders.Tilt(ctx.PersonProbability!, ctx.Face!, ctx.RollDegrees) ?? throw new InvalidOperationException("no reading");
        Assert.InRange(Math.Abs(tilt), minAbs, maxAbs);
    }

    private static RgbImage Devset(string file) => ImageDecoder.Decode(File.ReadAllBytes(Path.Combine(FixTestData.DevsetRoot, "images", file)));

    private static ObservedFace Face(RgbImage image) => Assert.Single(FixTestData.Detector.Analyze(image)!.Faces);

    private static double Read(RgbImage image, ObservedFace face, double roll)
    {
        SelfieSegmenter segmenter = InstalledSegmenter.Value ?? throw new InvalidOperationException("models/selfie is not installed");
        return MatteShoulders.Tilt(segmenter.Segment(image), face, roll) ?? throw new InvalidOperationException("no reading");
    }
}
