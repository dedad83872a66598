using SocialCard.Faces.Tests.TestUtilities;
using SocialCard.Imaging;

namespace SocialCard.Faces.Tests.Models;

public sealed class FaceAnalyzerWarmUpTests
{
    [Fact]
    public void Warm_up_runs_the_landmark_and_expression_nets_and_leaves_no_state_behind()
    {
        DevsetLabel compliant = DevsetLabel.All.First(l => l.Expected == "compliant");
        using RgbImage photo = ImageDecoder.Decode(File.ReadAllBytes(compliant.ImagePath));

        FaceAnalysis cold = new FaceAnalyzer(SharedModels.Models).Analyze(photo);
        var warmed = new FaceAnalyzer(SharedModels.Models);
        Assert.Equal(DetectedFace.LandmarkCount, warmed.WarmUp());
        FaceAnalysis warm = warmed.Analyze(photo);

        DetectedFace a = Assert.Single(cold.Faces), b = Assert.Single(warm.Faces);
        Assert.Equal(a.Box, b.Box);
        Assert.Equal(a.Landmarks, b.Landmarks);
        Assert.Equal(a.Expressions.Probabilities, b.Expressions.Probabilities);
    }
}
