using SocialCard.Platform.Domain;

namespace SocialCard.Platform.Tests.Domain;

public sealed class BatchAndPhotoTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void A_batch_holds_1_to_50_photos(int count) =>
        Assert.Throws<SocialCardDomainException>(() => new Batch(1, "op", "a.zip", count, T));

    [Fact]
    public void Batch_review_counts_must_add_up_and_happen_once()
    {
        var b = new Batch(1, "op", "a.zip", 50, T);
        Assert.Throws<SocialCardDomainException>(() => b.CompleteReview(40, 9, T));
        b.CompleteReview(45, 5, T);
        Assert.Throws<SocialCardDomainException>(() => b.CompleteReview(45, 5, T));
        b.MarkSent();
        Assert.Equal(BatchState.SentToCardCentre, b.State);
    }

    [Fact]
    public void Unit_batch_photos_need_their_batch_and_entry_and_a_review_is_never_pending()
    {
        Assert.Throws<SocialCardDomainException>(() => new Photo(PhotoChannel.UnitBatch, "a.jpg", [1], T));
        var p = new Photo(PhotoChannel.Counter, "a.jpg", [1, 2], T, personId: 3);
        Assert.Throws<SocialCardDomainException>(() => p.RecordReview(PhotoVerdict.Pending, "[]", T));
        p.RecordReview(PhotoVerdict.Failed, "[]", T, fixedBytes: [9]);
        // The bytes wait on the row until it is saved (then they go to the file store).
        Assert.True(p.Staged.TryGet(Photo.OriginalSlot, out byte[]? original));
        Assert.Equal(new byte[] { 1, 2 }, original);
        Assert.True(p.Staged.TryGet(Photo.FixedSlot, out byte[]? fixedBytes));
        Assert.Equal(new byte[] { 9 }, fixedBytes);
        Assert.True(p.HasFixed);
        Assert.Equal(PhotoVerdict.Failed, p.Verdict);
        Assert.Equal(T, p.ReviewedAt);
        // A review without a fix (a staff override) keeps the fix the photo has.
        p.RecordReview(PhotoVerdict.Passed, "[]", T);
        Assert.True(p.HasFixed);
    }

    [Fact]
    public void Review_exposes_the_first_failure_message()
    {
        var r = new PhotoReview(PhotoVerdict.Failed,
        [
            new PhotoFinding("file.size", FindingOutcome.Pass, "20", "10-40", "大小合格", "size ok"),
            new PhotoFinding("background", FindingOutcome.Fail, "blue", "white", "背景不为纯白", "Background is not white"),
        ]);
        Assert.Equal("背景不为纯白", r.FirstFailureZh);
    }
}
