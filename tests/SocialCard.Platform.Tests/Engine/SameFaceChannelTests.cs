using Microsoft.EntityFrameworkCore;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos.Faces;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Drafts;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Batches;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Engine;

/// <summary>
/// The same-face check on every channel that stores a person's photo, through the real face recognition net: the
/// counter, the applicant's submit, the applicant's photo change and a unit's re-submission for a failed card each send
/// a re-saved copy of another person's photo on file to centre review (<see cref="SameFaceCheck.Finding"/>, naming no
/// one), keep its sealed descriptor, and leave the card waiting; the person's own earlier photo is no match.
/// </summary>
[Collection(PostgresProcessCollection.Name)]
public sealed class SameFaceChannelTests(PostgresServer server)
{
    private const string Token = "same-face-draft";
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<SameFaceService> s_faces = new(() => new SameFaceService(FaceDescriptorReader.Load(EngineFixture.ModelsDirectory)));
    private static readonly Lazy<byte[]> s_resaved = new(() => Resave(90));

    /// <summary>The photo on file, re-saved (other bytes, so the byte hash does not see it).</summary>
    private static byte[] Resave(int quality)
    {
        using RgbImage image = ImageDecoder.Decode(EngineFixture.Bytes("0458430542.jpg"));
        return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = quality, DensityDpi = 350 });
    }

    private sealed record Seeded(Unit Unit, Person OnFile, Person Other);

    /// <summary>A unit with two people; the first has the original photo on file (at the counter, with its descriptor).</summary>
    private static async Task<(Seeded Seeded, CounterDesk Desk)> SeedAsync(TestDatabase t, TimeProvider clock)
    {
        Unit unit = Samples.Unit();
        Person onFile = Samples.Person(unit, name: "甲"), other = Samples.Person(unit, Samples.ResidentId("510107", "19900101", 456), name: "乙");
        await using (var db = t.NewContext())
        {
            db.Units.Add(unit);
            db.People.AddRange(onFile, other);
            await db.SaveChangesAsync();
        }

        var desk = Counter(t, clock);
        var first = await desk.SubmitAsync(new CounterIntake(unit.Code, onFile.PersonalNumber, EngineFixture.Bytes("0458430542.jpg"), true, true), "p", "staff:clerk");
        Assert.Equal(PhotoVerdict.Passed, first.Value!.Review.Verdict);
        return (new Seeded(unit, onFile, other), desk);
    }

    private static CounterDesk Counter(TestDatabase t, TimeProvider clock) =>
        new(t.Database, new PhotoSubmissionService(t.Database, new JpegMagicReviewer(), clock, s_faces.Value), new PeopleQueryService(t.Database, clock), clock);

    private static async Task AssertWaitsForCentreReviewAsync(TestDatabase t, Seeded s, long photoId)
    {
        await using var db = t.NewContext();
        Photo photo = await db.Photos.AsNoTracking().SingleAsync(p => p.Id == photoId);
        Assert.Equal(PhotoVerdict.NeedsReview, photo.Verdict);
        Assert.Contains(SameFaceCheck.RuleId, photo.ReportJson!, StringComparison.Ordinal);
        Assert.NotNull(photo.FaceDescriptor);
        foreach (var secret in new[] { s.OnFile.PersonalNumber, s.OnFile.Name, s.OnFile.IdNumber })
        {
            Assert.DoesNotContain(secret, photo.ReportJson!, StringComparison.Ordinal);
        }

        CardRecord? card = await db.CardRecords.AsNoTracking().Where(c => c.PersonId == s.Other.Id).OrderByDescending(c => c.Id).FirstOrDefaultAsync();
        Assert.NotEqual(photoId, card?.PhotoId);
        Assert.NotEqual(CardState.PhotoPassed, card?.State);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task At_the_counter_a_copy_of_another_persons_photo_waits_for_centre_review(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "sameface-counter");
        var clock = new ManualTimeProvider(T0);
        var (s, desk) = await SeedAsync(t, clock);

        // The same person's own re-saved photo is no match.
        var own = await desk.SubmitAsync(new CounterIntake(s.Unit.Code, s.OnFile.PersonalNumber, Resave(85), true, true), "p", "staff:clerk");
        Assert.Equal(PhotoVerdict.Passed, own.Value!.Review.Verdict);

        var copy = await desk.SubmitAsync(new CounterIntake(s.Unit.Code, s.Other.PersonalNumber, s_resaved.Value, true, true), "p", "staff:clerk");
        Assert.Equal(PhotoVerdict.NeedsReview, copy.Value!.Review.Verdict);
        await AssertWaitsForCentreReviewAsync(t, s, copy.Value.PhotoId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_applicants_submitted_and_changed_photo_wait_for_centre_review_when_the_face_is_another_persons(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "sameface-applicant");
        var clock = new ManualTimeProvider(T0);
        var (s, _) = await SeedAsync(t, clock);
        var applications = new ApplicationService(t.Database, clock, s_faces.Value);
        await new ApplicationDraftService(t.Database, clock).SaveAsync(Token, s.Other.Id, "{}", new ApplicationDraftImages(null, null, null, null));
        var submission = new ApplicationSubmission
        {
            DraftToken = Token,
            PersonId = s.Other.Id,
            VerifiedPhone = s.Other.Phone,
            VerifiedPersonId = s.Other.Id,
            InsuredUnitId = s.Unit.Id,
            WorkUnitId = s.Unit.Id,
            Nationality = "CHN",
            Form = Domain.ApplicationTests.ValidForm() with { IdValidUntil = new DateOnly(2035, 7, 17), Phone = null },
            Photo = new ApplicantPhoto(s_resaved.Value, null, "[{\"rule\":\"face.count\",\"passed\":true,\"zh\":\"一张人脸\",\"en\":\"One face\"}]"),
            IdFront = [0xFF, 0xD8, 1],
            IdBack = [0xFF, 0xD8, 2],
        };

        long id = await applications.SubmitAsync(submission);
        long submitted;
        await using (var db = t.NewContext())
        {
            submitted = (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id)).PhotoId!.Value;
            Assert.Contains("face.count", (await db.Photos.AsNoTracking().SingleAsync(p => p.Id == submitted)).ReportJson!, StringComparison.Ordinal);
        }

        await AssertWaitsForCentreReviewAsync(t, s, submitted);

        // Another photo of someone else passes; changing back to the copy waits for centre review again.
        Assert.True((await applications.ChangePhotoAsync(id, new ApplicantPhoto(EngineFixture.Bytes("1041729198.jpg"), null, "[]"), "applicant")).Succeeded);
        long changed;
        await using (var db = t.NewContext())
        {
            changed = (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id)).PhotoId!.Value;
            Assert.Equal(PhotoVerdict.Passed, (await db.Photos.AsNoTracking().SingleAsync(p => p.Id == changed)).Verdict);
        }

        Assert.True((await applications.ChangePhotoAsync(id, new ApplicantPhoto(s_resaved.Value, null, "[]"), "applicant")).Succeeded);
        await using (var db = t.NewContext())
        {
            long again = (await db.Applications.AsNoTracking().SingleAsync(a => a.Id == id)).PhotoId!.Value;
            Photo photo = await db.Photos.AsNoTracking().SingleAsync(p => p.Id == again);
            Assert.Equal(PhotoVerdict.NeedsReview, photo.Verdict);
            Assert.Contains(SameFaceCheck.RuleId, photo.ReportJson!, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_units_resubmission_for_a_failed_card_waits_for_centre_review_when_the_face_is_another_persons(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "sameface-resubmit");
        var clock = new ManualTimeProvider(T0);
        var (s, _) = await SeedAsync(t, clock);
        await using (var db = t.NewContext())
        {
            var card = new CardRecord(await db.People.SingleAsync(p => p.Id == s.Other.Id), T0);
            card.RecordPhotoReview(1, true, null, T0, "t");
            card.SendToCardCentre(T0, "t");
            card.Ingest(T0, "t");
            card.FailProduction("照片不合格", T0, "t");
            db.CardRecords.Add(card);
            await db.SaveChangesAsync();
        }

        await new CardLifecycleService(t.Database, clock).ResubmitAsync(s.Other.PersonalNumber, "unit:hr");
        var batches = new UnitBatchService(t.Database, new JobQueue(t.Database, clock), clock);
        var receipt = await batches.ReceiveAsync(s.Unit.Code, "hr", "again.zip",
            new MemoryStream(new TestZip().Add($"{s.Unit.Code}/{s.Other.PersonalNumber}.jpg", s_resaved.Value).Build()), "suzhou-sscard");
        await new BatchPreReviewJobHandler(t.Database, new JpegMagicReviewer(), clock, faces: s_faces.Value)
            .ReviewBatchAsync(receipt.BatchId!.Value, "suzhou-sscard", CancellationToken.None);

        await using var check = t.NewContext();
        long photoId = await check.Photos.AsNoTracking().Where(p => p.BatchId == receipt.BatchId).Select(p => p.Id).SingleAsync();
        await AssertWaitsForCentreReviewAsync(t, s, photoId);
    }
}
