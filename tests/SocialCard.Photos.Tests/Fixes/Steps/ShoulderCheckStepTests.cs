using SocialCard.Imaging;
using SocialCard.Imaging.Processing.Crop;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Fixes.Steps;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Steps;

/// <summary>
/// The fix does not fill a missing body with white, nor pass a turned body as frontal: an original that ends above the
/// shoulders (a close-up ending just below the chin) or cuts a shoulder off at its side is refused before any pixel
/// changes, as is a body turned under a straight head (shoulders tilted beyond the profile's shoulders.level); the same
/// original ending beside the body beyond what the output shows, and a body turned a little, are fixed.
/// </summary>
public sealed class ShoulderCheckStepTests
{
    private const string Person = "frl_london_004";

    /// <summary>A devset original the network outlines the shoulders of, sitting straight (reads -1.3 degrees).</summary>
    private const string Straight = "frl_london_016";

    [Fact]
    public void A_close_up_ending_below_the_chin_is_refused_before_any_pixel_changes()
    {
        (RgbImage image, ObservedFace face) = Original();
        using (image)
        {
            int bottom = (int)(face.Chin.Y + (0.1 * face.FaceWidth));
            using RgbImage cut = Cropper.Crop(image, 0, 0, image.Width, bottom);
            AssertRefused(ImageEdits.Jpeg(cut), "shoulders.missing", "下边缘");
        }
    }

    [Fact]
    public void A_shoulder_cut_off_at_the_side_is_refused_before_any_pixel_changes()
    {
        (RgbImage image, ObservedFace face) = Original();
        using (image)
        {
            int right = (int)(face.EyeMidpoint.X + (0.4 * face.FaceWidth));
            using RgbImage cut = Cropper.Crop(image, 0, 0, right, image.Height);
            AssertRefused(ImageEdits.Jpeg(cut), "shoulders.missing", "右边缘");
        }
    }

    [Fact]
    public void An_original_ending_beside_the_body_beyond_the_output_is_fixed()
    {
        (RgbImage image, ObservedFace face) = Original();
        using (image)
        {
            int right = (int)(face.EyeMidpoint.X + (0.95 * face.FaceWidth));
            using RgbImage cut = Cropper.Crop(image, 0, 0, right, image.Height);
            FixResult r = FixTestData.Fixer().Fix(ImageEdits.Jpeg(cut), "photo.jpg", FixTestData.Suzhou);
            Assert.Equal(FixStepOutcome.Applied, r.Report.Find("fix.shoulders")?.Outcome);
            Assert.True(r.Success, r.Refusal?.ToString());
        }
    }

    /// <summary>
    /// The placement step crops again when the head top lands outside its band (here the top 36 rows of the cut-out
    /// painted white make the measured head shorter, so the eye line is moved up and the output reaches further down
    /// the original): an original ending 0.06 face widths above the first crop's lower edge (allowed) ends further above
    /// the new one, and the re-crop is refused as a first crop would be, instead of showing repeated rows under the body.
    /// </summary>
    [Fact]
    public void A_re_crop_that_would_reach_below_the_original_is_refused()
    {
        (RgbImage image, ObservedFace _) = Original();
        using (image)
        {
            FixContext first = StepRunner.Before("fix.placement", FixTestData.Original(Person));
            // 0.06 face widths of the output's rows beyond the original: within what the first crop may lack.
            double rows = 0.06 * LandmarkGeometry.FaceWidth(first.OutputLandmarks!);
            (double _, double y) = first.Map!.Value.Apply(first.Output!.Width / 2.0, first.Output.Height - rows);
            first.Dispose();
            using RgbImage cut = Cropper.Crop(image, 0, 0, image.Width, (int)Math.Floor(y));
            byte[] photo = ImageEdits.Jpeg(cut);
            using FixContext ctx = StepRunner.Before("fix.placement", photo);
            RgbImage output = ctx.Output!;
            output.Pixels[..(36 * output.Width * 3)].Fill(255);

            Assert.Equal(FixStepOutcome.Applied, StepRunner.Step("fix.shoulders").Apply(ctx).Outcome);
            FixStepResult r = StepRunner.Step("fix.placement").Apply(ctx);
            Assert.Equal(FixStepOutcome.Failed, r.Outcome);
            Assert.Equal("shoulders.missing", ctx.Refusal?.Code);
        }
    }

    [Theory]
    [InlineData(12)]
    [InlineData(-12)]
    public void A_body_turned_under_the_head_is_refused_before_any_pixel_changes(double degrees)
    {
        using RgbImage turned = TurnBody(Straight, degrees);
        AssertRefused(ImageEdits.Jpeg(turned), "shoulders.level", degrees > 0 ? "右侧肩膀偏低" : "左侧肩膀偏低");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-3)]
    public void A_body_turned_a_little_is_fixed(double degrees)
    {
        using RgbImage turned = TurnBody(Straight, degrees);
        FixResult r = FixTestData.Fixer().Fix(ImageEdits.Jpeg(turned), "photo.jpg", FixTestData.Suzhou);
        Assert.Equal(FixStepOutcome.Applied, r.Report.Find("fix.shoulders")?.Outcome);
        Assert.True(r.Success, r.Refusal?.ToString());
    }

    private static RgbImage TurnBody(string person, double degrees)
    {
        using RgbImage image = FixTestData.Decode(FixTestData.Original(person));
        ObservedFace face = Assert.Single(FixTestData.Detector.Analyze(image)!.Faces);
        return SocialCard.Photos.Tests.TestSupport.ImageEdits.RotateBody(image, degrees, face.EyeMidpoint.X, face.Chin.Y);
    }

    private static (RgbImage Image, ObservedFace Face) Original()
    {
        RgbImage image = FixTestData.Decode(FixTestData.Original(Person));
        return (image, Assert.Single(FixTestData.Detector.Analyze(image)!.Faces));
    }

    private static void AssertRefused(byte[] photo, string code, string where)
    {
        FixResult r = FixTestData.Fixer().Fix(photo, "photo.jpg", FixTestData.Suzhou);
        Assert.False(r.Success);
        Assert.Equal(code, r.Refusal?.Code);
        Assert.Contains(where, r.Refusal!.Reason.Zh, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(r.Refusal.Reason.En));
        Assert.Contains("肩", FixCapability.Explain(r.Refusal).Zh, StringComparison.Ordinal);
        Assert.Null(r.Recheck);
        Assert.Null(r.Report.Find("fix.background"));
        Assert.Equal("fix.shoulders", r.Report.Steps[^1].Step);
    }

    /// <summary>The refusal names the edge whose own reading is over its limit, and that reading: a right corner cut off
    /// while the left side has a small allowed run beyond the edge is the right side's corner, not the left; the
    /// figure shown is the one that failed, not a larger allowed one.</summary>
    [Theory]
    [InlineData(0.12, 0.0, 0.3, 0.0, 0.0, "下", 0.12)]
    [InlineData(0.0, 0.0, 0.5, 0.05, 0.0, "右", 0.5)]
    [InlineData(0.0, 0.4, 0.0, 0.0, 0.05, "左", 0.4)]
    [InlineData(0.0, 0.3, 0.0, 0.0, 0.2, "右", 0.2)]
    [InlineData(0.0, 0.0, 0.0, 0.3, 0.2, "左", 0.3)]
    public void The_refusal_names_the_edge_and_the_reading_over_its_limit(double below, double leftCorner, double rightCorner, double leftSide, double rightSide, string edge, double figure)
    {
        var cut = ShoulderCheckStep.Cut(new MatteShoulders.MissingBody(below, leftCorner, rightCorner, leftSide, rightSide));
        Assert.NotNull(cut);
        Assert.Equal(edge, cut.Value.Zh);
        Assert.Equal(figure, cut.Value.FaceWidths);
    }

    [Fact]
    public void Readings_within_every_limit_are_not_a_cut()
    {
        Assert.Null(ShoulderCheckStep.Cut(new MatteShoulders.MissingBody(0.09, 0.34, 0.3, 0.09, 0.05)));
    }
}
