using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Desks;

[Collection(PostgresCollection.Name)]
public sealed class ReviewOverrideServiceTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_reviewer_passes_a_failed_photo_the_card_follows_and_the_reason_is_audited_once_sent_it_is_past_review(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_reviewer_passes_a_failed_photo_the_card_follows_and_the_reason_is_audited_once_sent_it_is_past_review));
        var person = Samples.Person(name: "王小明");
        long applicationId;
        await using (var db = t.NewContext())
        {
            var application = new Application(person, T0);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            applicationId = application.Id;
        }

        var clock = new ManualTimeProvider(T0);
        var fix = TestJpeg.Make(20_000, 9);
        await new PhotoSubmissionService(t.Database, new FixingReviewer(fix), clock)
            .SubmitApplicantPhotoAsync(applicationId, TestJpeg.Make(80_000, 1), "me.jpg", "chengdu-sscard");
        long photoId;
        await using (var db = t.NewContext())
        {
            var photo = await db.Photos.SingleAsync();
            Assert.Equal(PhotoVerdict.Failed, photo.Verdict);
            Assert.Equal(CardState.PhotoFailed, (await db.CardRecords.SingleAsync()).State);
            photoId = photo.Id;
        }

        var overrides = new ReviewOverrideService(t.Database, clock);
        Assert.Equal(ReviewOverrideStatus.NotFound, (await overrides.OverrideAsync(photoId + 100, true, "看过", "staff:reviewer", default)).Status);
        var done = await overrides.OverrideAsync(photoId, true, "背景可接受", "staff:reviewer", default);
        Assert.Equal(new ReviewOverrideResult(ReviewOverrideStatus.Done, person.PersonalNumber, "王**"), done);
        await using (var db = t.NewContext())
        {
            var photo = await db.Photos.SingleAsync();
            Assert.Equal(PhotoVerdict.Passed, photo.Verdict);
            Assert.Equal(fix, await db.ReadFileAsync(photo.FixedKey, default)); // the engine's fix stays
            var card = await db.CardRecords.SingleAsync();
            Assert.Equal((CardState.PhotoPassed, photoId), (card.State, card.PhotoId));
            var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.PhotoOverridden);
            Assert.Equal(("staff:reviewer", "Failed->Passed: 背景可接受"), (audit.Actor, audit.Detail));
            card.SendToCardCentre(T0, "system");
            await db.SaveChangesAsync();
        }

        Assert.Equal(ReviewOverrideStatus.PastReview, (await overrides.OverrideAsync(photoId, false, "再看", "staff:reviewer", default)).Status);
        await using (var db = t.NewContext())
        {
            Assert.Equal(PhotoVerdict.Passed, (await db.Photos.SingleAsync()).Verdict);
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.PhotoOverridden));
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_photo_named_for_nobody_can_be_failed_but_never_passed(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_photo_named_for_nobody_can_be_failed_but_never_passed));
        long photoId;
        await using (var db = t.NewContext())
        {
            var photo = new Photo(PhotoChannel.Counter, "0100999999.jpg", TestJpeg.Make(20_000, 3), T0);
            photo.RecordReview(PhotoVerdict.NeedsReview, "[]", T0, null);
            db.Photos.Add(photo);
            await db.SaveChangesAsync();
            photoId = photo.Id;
        }

        var overrides = new ReviewOverrideService(t.Database, new ManualTimeProvider(T0));
        Assert.Equal(new ReviewOverrideResult(ReviewOverrideStatus.UnknownPerson, "0100999999"),
            await overrides.OverrideAsync(photoId, true, "看过", "staff:reviewer", default));
        Assert.Equal(ReviewOverrideStatus.Done, (await overrides.OverrideAsync(photoId, false, "不是本人", "staff:reviewer", default)).Status);
        await using (var db = t.NewContext())
        {
            Assert.Equal(PhotoVerdict.Failed, (await db.Photos.SingleAsync()).Verdict);
        }
    }

    /// <summary>TEST DOUBLE for the photo engine: fails every photo and offers the same fix.</summary>
    private sealed class FixingReviewer(byte[] fix) : IPhotoCheckPort
    {
        public Task<PhotoReview> ReviewAsync(byte[] bytes, string fileName, string profileId, CancellationToken cancellationToken) =>
            Task.FromResult(new PhotoReview(PhotoVerdict.Failed, [new PhotoFinding("background.color", FindingOutcome.Fail, null, null, "背景颜色不符", "Background colour")], fix));
    }
}
