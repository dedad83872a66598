using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Desks;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Desks;

/// <summary>The counter desk finds people only within the selected unit (masked), records a paper photo with the forms
/// received into the same pre-review and card pipeline (a failed card goes back into review), refuses what is not the
/// unit's or is someone else's file, and prints one receipt line per person.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CounterDeskTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_paper_photo_enters_the_pipeline_with_its_forms_for_a_person_of_the_selected_unit(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "counter");
        var clock = new ManualTimeProvider(T0);
        Unit top = Samples.Unit();
        var sub = new Unit(top.Code + "01", "下级单位", top);
        Unit other = Samples.Unit();
        Person failed = Samples.Person(sub, name: "王小明"), noPhoto = Samples.Person(top, name: "李四"), elsewhere = Samples.Person(other);
        await using (var db = t.NewContext())
        {
            db.Units.AddRange(top, sub, other);
            db.People.AddRange(failed, noPhoto, elsewhere);
            var card = new CardRecord(failed, T0);
            card.RecordPhotoReview(1, true, null, T0, "t");
            card.SendToCardCentre(T0, "t");
            card.Ingest(T0, "t");
            card.FailProduction("照片不合格", T0, "t");
            db.CardRecords.Add(card);
            await db.SaveChangesAsync();
        }

        var people = new PeopleQueryService(t.Database, clock);
        var desk = new CounterDesk(t.Database, new PhotoSubmissionService(t.Database, new JpegMagicReviewer(), clock), people, clock);

        // Found by personal number or ID number, only within the unit and its sub-units, masked.
        var byNumber = await desk.FindAsync(top.Code, failed.PersonalNumber, "staff:clerk");
        CounterPerson hit = Assert.Single(byNumber.Value!);
        Assert.Equal((sub.Code, CardState.ProductionFailed), (hit.UnitCode, hit.CardState));
        Assert.DoesNotContain("王小明", hit.MaskedName, StringComparison.Ordinal);
        Assert.DoesNotContain(failed.IdNumber, hit.MaskedIdNumber, StringComparison.Ordinal);
        Assert.Equal(noPhoto.PersonalNumber, Assert.Single((await desk.FindAsync(top.Code, noPhoto.IdNumber.ToLowerInvariant(), "staff:clerk")).Value!).PersonalNumber);
        Assert.Empty((await desk.FindAsync(top.Code, elsewhere.PersonalNumber, "staff:clerk")).Value!);
        Assert.Contains((await desk.FindAsync("NOSUCH", failed.PersonalNumber, "staff:clerk")).Errors, e => e.Field == "unit");
        Assert.Contains((await desk.FindAsync(top.Code, " ", "staff:clerk")).Errors, e => e.Field == "query");

        // Another unit's person, an empty scan: refused, nothing stored.
        byte[] scan = TestJpeg.Make(20_000, 7);
        Assert.Contains((await desk.SubmitAsync(new CounterIntake(top.Code, elsewhere.PersonalNumber, scan, true, true), "p", "staff:clerk")).Errors, e => e.Field == "number");
        Assert.Contains((await desk.SubmitAsync(new CounterIntake(top.Code, failed.PersonalNumber, [], true, true), "p", "staff:clerk")).Errors, e => e.Field == "photo");

        var done = await desk.SubmitAsync(new CounterIntake(top.Code, failed.PersonalNumber, scan, true, false), "p", "staff:clerk");
        Assert.True(done.Succeeded, string.Join("; ", done.Errors));
        Assert.Equal(PhotoVerdict.Passed, done.Value!.Review.Verdict);

        // The same file for another person is someone else's likeness: refused.
        Assert.Contains((await desk.SubmitAsync(new CounterIntake(top.Code, noPhoto.PersonalNumber, scan, true, true), "p", "staff:clerk")).Errors, e => e.Field == "photo");
        var badScan = await desk.SubmitAsync(new CounterIntake(top.Code, noPhoto.PersonalNumber, TestJpeg.Make(90_000, 8), false, true), "p", "staff:clerk");
        Assert.Equal(PhotoVerdict.Failed, badScan.Value!.Review.Verdict);

        await using (var db = t.NewContext())
        {
            Photo photo = await db.Photos.AsNoTracking().SingleAsync(p => p.Id == done.Value.PhotoId);
            Assert.Equal((PhotoChannel.Counter, failed.PersonalNumber + ".jpg"), (photo.Channel, photo.FileName));
            CardRecord card = await db.CardRecords.AsNoTracking().SingleAsync(c => c.PersonId == failed.Id);
            Assert.Equal((CardState.PhotoPassed, photo.Id), (card.State, card.PhotoId));
            Assert.Equal(CardState.PhotoFailed, (await db.CardRecords.AsNoTracking().SingleAsync(c => c.PersonId == noPhoto.Id)).State);
            CounterSubmission row = await db.CounterSubmissions.AsNoTracking().SingleAsync(s => s.Id == done.Value.SubmissionId);
            Assert.Equal((top.Id, true, false, "staff:clerk"), (row.UnitId, row.ApplicationFormReceived, row.CollectionFormReceived, row.StaffActor));
            var audit = await db.AuditEvents.AsNoTracking().Where(e => e.Action == CounterDesk.SubmittedAction).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.Contains("申领表已收；采集表未收；预审合格", audit[0].Detail, StringComparison.Ordinal);
            Assert.Equal(2, await db.CounterSubmissions.CountAsync());
        }

        // The person's page: the full record, audited, with the forms of each submission.
        CounterPersonView? page = await desk.PersonAsync(top.Code, failed.PersonalNumber, "staff:clerk");
        Assert.Equal(failed.IdNumber, page!.Person.IdNumber);
        CounterSubmissionView seen = Assert.Single(page.Submissions);
        Assert.Equal((true, false, PhotoVerdict.Passed), (seen.ApplicationFormReceived, seen.CollectionFormReceived, seen.Verdict));
        Assert.Null(await desk.PersonAsync(other.Code, failed.PersonalNumber, "staff:clerk"));
        await using (var db = t.NewContext())
        {
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == Audit.AuditActions.PersonViewed && e.EntityId == failed.Id.ToString()));
        }

        // The fix works only on the unit's own counter photos.
        Assert.Equal(scan, (await desk.FixSourceAsync(top.Code, done.Value.SubmissionId))!.Original);
        Assert.Null(await desk.FixSourceAsync(other.Code, done.Value.SubmissionId));

        // The receipt: one line per person (the latest photo, the forms of the whole day), names masked, that day only.
        clock.Advance(TimeSpan.FromMinutes(5));
        var again = await desk.SubmitAsync(new CounterIntake(top.Code, noPhoto.PersonalNumber, TestJpeg.Make(21_000, 9), true, false), "p", "staff:clerk");
        CounterReceipt? receipt = await desk.ReceiptAsync(top.Code, new DateOnly(2026, 6, 1), "staff:clerk");
        Assert.Equal(new[] { failed.PersonalNumber, noPhoto.PersonalNumber }.Order(StringComparer.Ordinal), receipt!.Lines.Select(l => l.PersonalNumber));
        CounterReceiptLine latest = receipt.Lines.Single(l => l.PersonalNumber == noPhoto.PersonalNumber);
        Assert.Equal((again.Value!.SubmissionId, PhotoVerdict.Passed, true, true),
            (latest.SubmissionId, latest.Verdict, latest.ApplicationFormReceived, latest.CollectionFormReceived));
        Assert.False(receipt.Lines.Single(l => l.PersonalNumber == failed.PersonalNumber).CollectionFormReceived);
        Assert.DoesNotContain(receipt.Lines, l => l.MaskedName.Contains("小明", StringComparison.Ordinal));
        Assert.Empty((await desk.ReceiptAsync(top.Code, new DateOnly(2026, 6, 2), "staff:clerk"))!.Lines);
        Assert.Null(await desk.ReceiptAsync("NOSUCH", new DateOnly(2026, 6, 1), "staff:clerk"));
    }
}
