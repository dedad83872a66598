using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Drafts;
using SocialCard.Platform.Exchange;
using SocialCard.Platform.Files;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Services;

/// <summary>The applicant's application after the wizard: submission (with its insured unit, work unit and bank, and the
/// card it opens), the 24-hour window, withdrawal, and the card pipeline it enters: held until the hand-over, then the
/// card-centre export, the result import, the status query and pickup.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ApplicationServiceTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2017, 6, 27, 2, 0, 0, TimeSpan.Zero);
    private const string Token = "draft-token-1";

    private sealed record Seeded(Person Person, Unit Insured, Unit WorkUnit, Unit NoBank);

    private static async Task<Seeded> SeedAsync(TestDatabase t)
    {
        await using var db = t.NewContext();
        var insured = new Unit("325520", "中智四川经济技术合作有限公司", null, null);
        var top = new Unit("510001", "成都某科技有限公司", null, "BOCD", "金牛支行");
        var noBank = new Unit("510002", "无开户银行单位", null, null);
        db.Units.AddRange(insured, top, noBank);
        await db.SaveChangesAsync();
        var work = new Unit("510001-01", "研发部", top);
        db.Units.Add(work);
        var person = Samples.Person(insured, Samples.ResidentId("510107", "19870615", 123), phone: "13812345678");
        db.People.Add(person);
        await db.SaveChangesAsync();
        return new Seeded(person, insured, work, noBank);
    }

    private static ApplicationSubmission Submission(Seeded s) => new()
    {
        DraftToken = Token,
        PersonId = s.Person.Id,
        VerifiedPhone = "13812345678",
        VerifiedPersonId = s.Person.Id,
        InsuredUnitId = s.Insured.Id,
        WorkUnitId = s.WorkUnit.Id,
        Nationality = "CHN",
        Form = Domain.ApplicationTests.ValidForm() with { IdValidUntil = new DateOnly(2035, 7, 17), Phone = null },
        Photo = new ApplicantPhoto(TestJpeg.Make(20_000, 1), null, "[]"),
        IdFront = [0xFF, 0xD8, 1],
        IdBack = [0xFF, 0xD8, 2],
    };

    private static async Task StartDraftAsync(TestDatabase t, ManualTimeProvider clock, Seeded s) =>
        await new ApplicationDraftService(t.Database, clock).SaveAsync(Token, s.Person.Id, "{}", new ApplicationDraftImages(null, null, null, null));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_submitted_application_carries_its_units_and_bank_and_opens_its_card_which_is_exported_only_after_the_hand_over(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_submitted_application_carries_its_units_and_bank_and_opens_its_card_which_is_exported_only_after_the_hand_over));
        var clock = new ManualTimeProvider(T0);
        var s = await SeedAsync(t);
        await StartDraftAsync(t, clock, s);
        var svc = new ApplicationService(t.Database, clock);

        // Refused, with the reason, and nothing written: not the phone on file, a bad form, a unit without a bank.
        var notVerified = await Assert.ThrowsAsync<SocialCardDomainException>(() => svc.SubmitAsync(Submission(s) with { VerifiedPhone = "13900000000" }));
        Assert.Contains("短信验证", notVerified.Zh, StringComparison.Ordinal);
        var badForm = await Assert.ThrowsAsync<SocialCardDomainException>(() => svc.SubmitAsync(Submission(s) with { Form = Submission(s).Form with { PostalCode = "61" } }));
        Assert.Contains("邮政编码", badForm.Zh, StringComparison.Ordinal);
        var noBank = await Assert.ThrowsAsync<SocialCardDomainException>(() => svc.SubmitAsync(Submission(s) with { WorkUnitId = s.NoBank.Id }));
        Assert.Contains("开户银行", noBank.Zh, StringComparison.Ordinal);
        await using (var db = t.NewContext())
        {
            Assert.Equal(ApplicationState.Draft, (await db.Applications.SingleAsync()).State);
            Assert.Empty(await db.CardRecords.ToListAsync());
            Assert.Empty(await db.Photos.ToListAsync());
        }

        var id = await svc.SubmitAsync(Submission(s));
        await using (var db = t.NewContext())
        {
            var app = await db.Applications.SingleAsync(a => a.Id == id);
            Assert.Equal((ApplicationState.Submitted, s.Insured.Id, s.WorkUnit.Id, "BOCD", "金牛支行"),
                (app.State, app.InsuredUnitId, app.WorkUnitId, app.BankCode, app.BankBranch));
            Assert.Equal(T0.AddHours(24), app.EditableUntil);
            var card = await db.CardRecords.SingleAsync();
            Assert.Equal((CardState.PhotoPassed, app.PhotoId, (long?)id), (card.State, card.PhotoId, card.ApplicationId));
            Assert.Equal(PhotoChannel.Applicant, (await db.Photos.SingleAsync()).Channel);
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ApplicationSubmitted && e.EntityId == id.ToString()));
        }

        // The status query sees the card from now on.
        var cards = new CardLifecycleService(t.Database, clock);
        Assert.Equal(CardState.PhotoPassed, (await cards.QueryAsync(s.Person.PersonalNumber, s.Person.IdNumber))!.State);

        // Inside the 24-hour window the export leaves the card alone: the applicant may still change it.
        var files = new LocalFileStore(Path.Combine(t.Database.Storage.DataDirectory, "files"), new FileCipher(RandomNumberGenerator.GetBytes(32)));
        var export = new CardCentreExportJobHandler(t.Database, new FileStoreExportSink(files), clock);
        Assert.Equal(0, await export.ExportAsync("export-early", CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(0, await export.ExportAsync("export-before-handover", CancellationToken.None));

        // Handed over, it goes with the next export, once.
        Assert.Equal(1, await new ApplicationHandOverJobHandler(t.Database, files, clock).HandOverDueAsync(CancellationToken.None));
        Assert.Equal(1, await export.ExportAsync("export-1", CancellationToken.None));
        Assert.Equal(0, await export.ExportAsync("export-2", CancellationToken.None));
        Assert.Equal(CardState.SentToCardCentre, (await cards.QueryAsync(s.Person.PersonalNumber, s.Person.IdNumber))!.State);

        // The card centre's result file, then pickup 30 days after production.
        var csv = $"number,status,production_date,reason\n{s.Person.PersonalNumber},produced,2017-07-01,\n";
        var applied = await cards.ApplyCardCentreResultsAsync(new CardCentreResultImporter().Parse(Encoding.UTF8.GetBytes(csv)), "staff:centre");
        Assert.Equal(1, applied.Applied);
        var produced = (await cards.QueryAsync(s.Person.PersonalNumber, s.Person.IdNumber))!;
        Assert.Equal((CardState.Produced, new DateOnly(2017, 7, 31)), (produced.State, produced.ReadyForPickupOn));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Changes_are_audited_inside_the_window_and_a_withdrawn_application_voids_its_card_and_is_never_exported(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Changes_are_audited_inside_the_window_and_a_withdrawn_application_voids_its_card_and_is_never_exported));
        var clock = new ManualTimeProvider(T0);
        var s = await SeedAsync(t);
        await StartDraftAsync(t, clock, s);
        var svc = new ApplicationService(t.Database, clock);
        var id = await svc.SubmitAsync(Submission(s));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await svc.ChangeAsync(id, Submission(s).Form with { PostalCode = "610000" }, "applicant:change"));
        Assert.Equal("610000", (await svc.GetAsync(id))!.PostalCode);
        Assert.True(await svc.WithdrawAsync(id, "applicant:change"));
        Assert.False(await svc.ChangeAsync(id, Submission(s).Form, "applicant:change"));
        Assert.False(await svc.WithdrawAsync(id, "applicant:change"));

        var cards = new CardLifecycleService(t.Database, clock);
        var status = (await cards.QueryAsync(s.Person.PersonalNumber, s.Person.IdNumber))!;
        Assert.Equal((CardState.Voided, ApplicationService.WithdrawnReason), (status.State, status.Reason));

        clock.Advance(TimeSpan.FromHours(25));
        var files = new LocalFileStore(Path.Combine(t.Database.Storage.DataDirectory, "files"), new FileCipher(RandomNumberGenerator.GetBytes(32)));
        Assert.Equal(0, await new ApplicationHandOverJobHandler(t.Database, files, clock).HandOverDueAsync(CancellationToken.None));
        Assert.Equal(0, await new CardCentreExportJobHandler(t.Database, new FileStoreExportSink(files), clock).ExportAsync("export", CancellationToken.None));
        await using var db = t.NewContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ApplicationEdited));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ApplicationWithdrawn));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Changes_after_the_window_are_refused_and_write_nothing(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Changes_after_the_window_are_refused_and_write_nothing));
        var clock = new ManualTimeProvider(T0);
        var s = await SeedAsync(t);
        await StartDraftAsync(t, clock, s);
        var svc = new ApplicationService(t.Database, clock);
        var id = await svc.SubmitAsync(Submission(s));

        clock.Advance(TimeSpan.FromHours(24));
        Assert.False(await svc.ChangeAsync(id, Submission(s).Form with { PostalCode = "610000" }, "applicant:change"));
        Assert.Equal("610041", (await svc.GetAsync(id))!.PostalCode);
        await using var db = t.NewContext();
        Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ApplicationEdited));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Inside_the_window_the_photo_the_work_unit_with_its_bank_and_the_phone_change_audited_and_not_after(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Inside_the_window_the_photo_the_work_unit_with_its_bank_and_the_phone_change_audited_and_not_after));
        var clock = new ManualTimeProvider(T0);
        var s = await SeedAsync(t);
        long otherUnitId;
        await using (var db = t.NewContext())
        {
            var other = new Unit("510003", "成都另一家公司", null, "ICBC", "高新支行");
            db.Units.Add(other);
            await db.SaveChangesAsync();
            otherUnitId = other.Id;
        }

        await StartDraftAsync(t, clock, s);
        var svc = new ApplicationService(t.Database, clock);
        var id = await svc.SubmitAsync(Submission(s));
        clock.Advance(TimeSpan.FromHours(2));

        Assert.True((await svc.ChangePhotoAsync(id, new ApplicantPhoto(TestJpeg.Make(20_000, 2), null, "[]"), "applicant:change")).Succeeded);
        Assert.Contains("开户银行", (await svc.ChangeWorkUnitAsync(id, s.NoBank.Id, "applicant:change")).Errors.Single().Zh, StringComparison.Ordinal);
        Assert.True((await svc.ChangeWorkUnitAsync(id, otherUnitId, "applicant:change")).Succeeded);
        Assert.Equal("phone", (await svc.ChangePhoneAsync(id, "123", "applicant:change")).Errors.Single().Field);
        Assert.True((await svc.ChangePhoneAsync(id, "13912345678", "applicant:change")).Succeeded);

        await using (var db = t.NewContext())
        {
            var app = await db.Applications.Include(a => a.Person).SingleAsync(a => a.Id == id);
            Assert.Equal((otherUnitId, "ICBC", "高新支行", "13912345678"), (app.WorkUnitId, app.BankCode, app.BankBranch, app.Person!.Phone));
            Assert.Equal(s.Insured.Id, app.InsuredUnitId);
            var card = await db.CardRecords.SingleAsync();
            Assert.Equal((CardState.PhotoPassed, app.PhotoId, (long?)id), (card.State, card.PhotoId, card.ApplicationId));
            Assert.Equal(2, await db.Photos.CountAsync());
            Assert.Equal(["phone", "photo", "work-unit"], (await db.AuditEvents.Where(e => e.Action == AuditActions.ApplicationEdited)
                .Select(e => e.Detail!).ToListAsync()).Order(StringComparer.Ordinal).ToArray());
        }

        clock.Advance(TimeSpan.FromHours(22));
        Assert.False((await svc.ChangePhotoAsync(id, new ApplicantPhoto(TestJpeg.Make(20_000, 3), null, "[]"), "applicant:change")).Succeeded);
        Assert.False((await svc.ChangeWorkUnitAsync(id, s.WorkUnit.Id, "applicant:change")).Succeeded);
        Assert.False((await svc.ChangePhoneAsync(id, "13812345678", "applicant:change")).Succeeded);
        await using (var db = t.NewContext())
        {
            Assert.Equal(2, await db.Photos.CountAsync());
            Assert.Equal(otherUnitId, (await db.Applications.SingleAsync(a => a.Id == id)).WorkUnitId);
        }
    }
}
