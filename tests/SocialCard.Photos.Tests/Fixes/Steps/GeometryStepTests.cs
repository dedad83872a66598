using SocialCard.Imaging;
using SocialCard.Photos.Faces;
using SocialCard.Photos.Fixes;
using SocialCard.Photos.Fixes.Geometry;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests.Fixes.Steps;

/// <summary>Leveling and crop geometry, measured by running the face engine again on the output.</summary>
public sealed class GeometryStepTests
{
    private static ObservedFace Redetect(byte[] jpeg)
    {
        using RgbImage image = ImageDecoder.Decode(jpeg);
        return Assert.Single(FixTestData.Detector.Analyze(image)!.Faces);
    }

    [Fact]
    public void TiltedHead_IsLevelled()
    {
        using RgbImage a = FixTestData.Decode(FixTestData.Original("frl_london_013"));
        using RgbImage tilted = ImageEdits.Rotate(a, 9);
        FixResult r = FixTestData.Fixer(new FixOptions { Recheck = false }).Fix(ImageEdits.Jpeg(tilted), "t.jpg", FixTestData.Suzhou);
        FixStepResult level = r.Report.Find("fix.level-eyes")!;
        Assert.Equal(FixStepOutcome.Applied, level.Outcome);
        Assert.InRange(Math.Abs(level.Before!.Value), 7, 12);
        Assert.InRange(LandmarkGeometry.RollDegrees(Redetect(r.Jpeg!).Landmarks), -1.5, 1.5);
    }

    [Theory]
    [InlineData("frl_london_024")]
    [InlineData("voteview_021724")]
    public void Crop_MeetsProfileGeometry(string person)
    {
        FixResult r = FixTestData.Fixer(new FixOptions { Recheck = false }).Fix(FixTestData.Original(person), "a.jpg", FixTestData.Suzhou);
        ObservedFace face = Redetect(r.Jpeg!);
        var g = FixTestData.Suzhou.Geometry;
        Assert.InRange(face.FaceWidth, g.FaceWidthMin, g.FaceWidthMax);
        Assert.InRange(face.EyeMidpoint.X, g.EyeMidXMin, g.EyeMidXMax);
        Assert.True(441 - face.EyeMidpoint.Y >= g.EyeLineAboveBottomMin);

        // Hair top: first row from the top with non-white pixels in the central band.
        using RgbImage img = ImageDecoder.Decode(r.Jpeg!);
        int top = -1;
        for (int y = 0; y < img.Height && top < 0; y++)
        {
            int dark = 0;
            for (int x = 110; x < 250; x++)
            {
                if (img.Row(y)[x * 3] < 200)
                {
                    dark++;
                }
            }

            if (dark >= 5)
            {
                top = y;
            }
        }

        Assert.InRange(top, g.HairTopMin - 3, g.HairTopMax + 3);
    }
}
