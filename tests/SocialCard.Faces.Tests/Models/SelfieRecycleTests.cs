using SocialCard.Faces.Tests.TestUtilities;

namespace SocialCard.Faces.Tests.Models;

/// <summary>
/// A mask given back to its segmenter (<see cref="SelfieSegmenter.Recycle"/>) lends its array to the next mask of the
/// same size, whose values are those of a fresh segmenter's, bit for bit; a recycled mask is empty, and a mask of
/// another segmenter, or one given back twice, is left alone.
/// </summary>
public sealed class SelfieRecycleTests
{
    [Fact]
    public void A_recycled_array_carries_the_next_mask_with_the_same_values_as_a_fresh_one()
    {
        string[] names = [.. ((IEnumerable<object[]>)SelfieExactnessTests.Photos()).Select(row => (string)row[0])];
        var first = ReferenceFixture.Load(names[0]).LoadImage();
        var second = ReferenceFixture.Load(names[^1]).LoadImage();
        var segmenter = new SelfieSegmenter(SharedSelfieModel.Model);
        foreach (Func<SelfieSegmenter, SocialCard.Imaging.RgbImage, PersonMask> segment in new Func<SelfieSegmenter, SocialCard.Imaging.RgbImage, PersonMask>[]
                 { (s, i) => s.Segment(i), (s, i) => s.SegmentCoarse(i) })
        {
            PersonMask used = segment(segmenter, first);
            float[] lent = [.. used.Probability];
            segmenter.Recycle(used);
            Assert.True(used.Probability.IsEmpty);

            PersonMask next = segment(segmenter, second);
            PersonMask fresh = segment(new SelfieSegmenter(SharedSelfieModel.Model), second);
            Assert.Equal(fresh.Probability.ToArray(), next.Probability.ToArray());
            Assert.NotEqual(lent, next.Probability.ToArray());

            segmenter.Recycle(used); // given back already: nothing happens
            new SelfieSegmenter(SharedSelfieModel.Model).Recycle(next); // not its mask: left alone
            Assert.Equal(fresh.Probability.ToArray(), next.Probability.ToArray());
            segmenter.Recycle(next);
            segmenter.Recycle(null);
        }
    }
}
