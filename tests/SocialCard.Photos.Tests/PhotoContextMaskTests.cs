using SocialCard.Faces;
using SocialCard.Photos.Analysis;
using SocialCard.Photos.Tests.Fixes.Support;

namespace SocialCard.Photos.Tests;

/// <summary>
/// A photo's context gives the segmentation masks it had made back to the network when it is disposed (their arrays
/// carry the next photo's masks), and the next photo's masks are the ones a context of its own would read.
/// </summary>
public sealed class PhotoContextMaskTests
{
    [Fact]
    public void Disposing_a_context_gives_its_masks_back_and_the_next_photo_reads_the_same_masks()
    {
        string[] files = [.. Directory.GetFiles(Path.Combine(FixTestData.DevsetRoot, "images"), "*.jpg").Order(StringComparer.Ordinal).Take(2)];
        PersonMask fine, coarse;
        using (PhotoContext first = Context(files[0]))
        {
            fine = first.Person!;
            coarse = first.CoarsePerson!;
            Assert.False(fine.Probability.IsEmpty);
            Assert.False(coarse.Probability.IsEmpty);
        }

        Assert.True(fine.Probability.IsEmpty);
        Assert.True(coarse.Probability.IsEmpty);

        float[] expectedFine, expectedCoarse;
        using (PhotoContext alone = PhotoContext.Create(File.ReadAllBytes(files[1]), "1000000001.jpg", FixTestData.Suzhou, FixTestData.Detector, null,
                   new SelfieSegmenter(SelfieSegmentationModel.Load())))
        {
            expectedFine = alone.Person!.Probability.ToArray();
            expectedCoarse = alone.CoarsePerson!.Probability.ToArray();
        }

        using PhotoContext second = Context(files[1]);
        Assert.Equal(expectedFine, second.Person!.Probability.ToArray());
        Assert.Equal(expectedCoarse, second.CoarsePerson!.Probability.ToArray());
    }

    private static PhotoContext Context(string file) =>
        PhotoContext.Create(File.ReadAllBytes(file), "1000000001.jpg", FixTestData.Suzhou, FixTestData.Detector, null, CheapCutOut.Segmenter);
}
