using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Services;

[Collection(PostgresCollection.Name)]
public sealed class PhotoSubmissionServiceTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Applicant_photo_is_reviewed_attached_when_passing_and_moves_the_card(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Applicant_photo_is_reviewed_attached_when_passing_and_moves_the_card));
        var clock = new ManualTimeProvider(T0);
        long appId;
        await using (var db = t.NewContext())
        {
            var app = new Application(Samples.Person(), T0);
            db.Applications.Add(app);
            await db.SaveChangesAsync();
            appId = app.Id;
        }

        var svc = new PhotoSubmissionService(t.Database, new JpegMagicReviewer(), clock);
        var bad = await svc.SubmitApplicantPhotoAsync(appId, TestJpeg.Make(80_000, 1), "me.jpg", "chengdu-sscard");
        Assert.Equal(PhotoVerdict.Failed, bad.Verdict);
        var good = await svc.SubmitApplicantPhotoAsync(appId, TestJpeg.Make(30_000, 2), "me.jpg", "chengdu-sscard");
        Assert.Equal(PhotoVerdict.Passed, good.Verdict);

        await using (var db = t.NewContext())
        {
            var app = await db.Applications.SingleAsync();
            var photos = await db.Photos.OrderBy(p => p.Id).ToListAsync();
            Assert.Equal(2, photos.Count);
            Assert.All(photos, p => Assert.Equal(PhotoChannel.Applicant, p.Channel));
            Assert.Equal(photos[1].Id, app.PhotoId);
            var card = await db.CardRecords.SingleAsync();
            Assert.Equal((CardState.PhotoPassed, photos[1].Id), (card.State, card.PhotoId));
        }
    }
}
