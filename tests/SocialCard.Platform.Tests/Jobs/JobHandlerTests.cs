using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Files;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Reports;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Jobs;

[Collection(PostgresCollection.Name)]
public sealed class JobHandlerTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Batch_pre_review_rerun_does_not_process_any_photo_twice(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Batch_pre_review_rerun_does_not_process_any_photo_twice));
        var clock = new ManualTimeProvider(T0);
        long batchId;
        string unknownNumber = "0999999999";
        await using (var db = t.NewContext())
        {
            var unit = Samples.Unit();
            db.Units.Add(unit);
            var people = Enumerable.Range(0, 4).Select(_ => Samples.Person(unit)).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var batch = new Batch(unit.Id, "op", "u.zip", 5, T0);
            db.Batches.Add(batch);
            await db.SaveChangesAsync();
            batchId = batch.Id;
            for (var i = 0; i < 4; i++)
            {
                db.BatchEntries.Add(new BatchEntry(batchId, $"{people[i].PersonalNumber}.jpg", people[i].PersonalNumber, TestJpeg.Make(i == 3 ? 50_000 : 20_000, i)));
            }

            db.BatchEntries.Add(new BatchEntry(batchId, $"{unknownNumber}.jpg", unknownNumber, TestJpeg.Make(20_000, 9)));
            await db.SaveChangesAsync();
        }

        var reviewer = new JpegMagicReviewer();
        var handler = new BatchPreReviewJobHandler(t.Database, reviewer, clock);
        var job = new ClaimedJob(1, JobTypes.BatchPreReview, $"{{\"batchId\":{batchId},\"profileId\":\"p\"}}", 1, 8, "w");
        await handler.HandleAsync(job, CancellationToken.None);
        await handler.HandleAsync(job, CancellationToken.None);

        Assert.Equal(5, reviewer.Calls);
        await using (var db = t.NewContext())
        {
            Assert.Equal(5, await db.Photos.CountAsync());
            var batch = await db.Batches.SingleAsync();
            // The unknown number passes the engine but is voided as unmatched: 3 passed, 2 failed.
            Assert.Equal((BatchState.Reviewed, 3, 2), (batch.State, batch.PassedCount, batch.FailedCount));
            var failed = await db.CardRecords.SingleAsync(c => c.State == CardState.PhotoFailed);
            Assert.Equal("文件大小不符合：10～40K", failed.Reason);
            Assert.Equal(3, await db.CardRecords.CountAsync(c => c.State == CardState.PhotoPassed));
            var orphan = await db.Photos.SingleAsync(p => p.EntryName == unknownNumber + ".jpg");
            Assert.Null(orphan.PersonId);
            Assert.Equal(PhotoVerdict.Failed, orphan.Verdict);
            Assert.Contains("registry.unmatched", orphan.ReportJson, StringComparison.Ordinal);
            Assert.Contains("人员编号在制卡数据库中不存在", orphan.ReportJson, StringComparison.Ordinal);
            Assert.Contains("file.size", orphan.ReportJson, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Hand_over_locks_only_applications_past_their_24_hours(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Hand_over_locks_only_applications_past_their_24_hours));
        var clock = new ManualTimeProvider(T0);
        await using (var db = t.NewContext())
        {
            for (var i = 0; i < 3; i++)
            {
                var app = new Application(Samples.Person(), T0);
                app.Apply(Domain.ApplicationTests.ValidForm(), T0);
                app.AttachIdImages([1], [2], T0);
                app.Submit("BOCD", null, T0.AddHours(i * 10)); // windows end at +24h, +34h, +44h
                db.Applications.Add(app);
            }

            db.Applications.Add(new Application(Samples.Person(), T0)); // a draft never hands over
            await db.SaveChangesAsync();
        }

        var files = new LocalFileStore(Path.Combine(t.Database.Storage.DataDirectory, "files"), new FileCipher(RandomNumberGenerator.GetBytes(32)));
        var handler = new ApplicationHandOverJobHandler(t.Database, files, clock);
        clock.Set(T0.AddHours(34));
        Assert.Equal(2, await handler.HandOverDueAsync(CancellationToken.None));
        Assert.Equal(0, await handler.HandOverDueAsync(CancellationToken.None));
        await using var check = t.NewContext();
        var states = await check.Applications.OrderBy(a => a.Id).Select(a => a.State).ToListAsync();
        Assert.Equal([ApplicationState.HandedOver, ApplicationState.HandedOver, ApplicationState.Submitted, ApplicationState.Draft], states);
        Assert.Equal(2, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.ApplicationHandedOver));

        // One file for the bureau with both, in the encrypted store, named in their audit events.
        var handedOver = await check.Applications.Include(a => a.Person).Where(a => a.State == ApplicationState.HandedOver).OrderBy(a => a.Id).ToListAsync();
        var file = Assert.Single(await files.ListAsync(ApplicationHandOverJobHandler.Folder, CancellationToken.None));
        Assert.Equal($"handover/20260303/handover-{handedOver[0].Id}-{handedOver[1].Id}.csv", file.Key);
        Assert.All(await check.AuditEvents.Where(e => e.Action == AuditActions.ApplicationHandedOver).ToListAsync(), e => Assert.Equal("file=" + file.Key, e.Detail));
        var lines = System.Text.Encoding.UTF8.GetString(await files.GetAsync(file.Key, CancellationToken.None) ?? []).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", ApplicationHandOverReport.Headers), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(handedOver, a => Assert.Contains(lines, l => l.Contains(a.Person!.IdNumber, StringComparison.Ordinal) && l.Contains(a.Person.Name, StringComparison.Ordinal)));
        Assert.False(File.ReadAllText(files.PathOf(file.Key)).Contains(handedOver[0].Person!.IdNumber, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pickup_reminders_move_cards_after_30_days_and_queue_one_sms_each(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Pickup_reminders_move_cards_after_30_days_and_queue_one_sms_each));
        var clock = new ManualTimeProvider(T0);
        await using (var db = t.NewContext())
        {
            foreach (var (produced, phone) in new[] { (new DateOnly(2026, 1, 31), "13800000001"), (new DateOnly(2026, 2, 1), "13800000002"), (new DateOnly(2026, 1, 1), (string?)null) })
            {
                var card = new CardRecord(Samples.Person(phone: phone), T0);
                card.RecordPhotoReview(1, true, null, T0, "t");
                card.SendToCardCentre(T0, "t");
                card.Ingest(T0, "t");
                card.MarkProduced(produced, T0, "t");
                db.CardRecords.Add(card);
            }

            await db.SaveChangesAsync();
        }

        var handler = new PickupReminderJobHandler(t.Database, clock);
        Assert.Equal(2, await handler.RunAsync(CancellationToken.None)); // 2026-03-02 >= 01-31+30 and 01-01+30; not 02-01+30
        Assert.Equal(0, await handler.RunAsync(CancellationToken.None));
        await using var check = t.NewContext();
        var sms = await check.SmsOutbox.ToListAsync();
        var only = Assert.Single(sms);
        Assert.Equal("13800000001", only.Phone);
        Assert.Contains("2026年3月2日", only.Body, StringComparison.Ordinal);
        Assert.Equal(SmsState.Pending, only.State);
        Assert.Equal(2, await check.CardRecords.CountAsync(c => c.State == CardState.ReadyForPickup));

        await using (var db = t.NewContext())
        {
            db.SmsOutbox.Add(new SmsMessage("13800000000", "x", "refused", "refused-1", clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var gateway = new RecordingSmsGateway();
        var dispatch = new SmsDispatchJobHandler(t.Database, gateway, clock);
        Assert.Equal(1, await dispatch.DispatchAsync(CancellationToken.None));
        Assert.Equal(0, await dispatch.DispatchAsync(CancellationToken.None));
        Assert.Equal("13800000001", Assert.Single(gateway.Sent).Phone);
        await using var after = t.NewContext();
        Assert.Equal([SmsState.Sent, SmsState.Failed], await after.SmsOutbox.OrderBy(m => m.Id).Select(m => m.State).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exporting_a_reviewed_batch_marks_the_batch_sent_once_all_its_passed_photos_are_out(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, "exportbatch");
        var clock = new ManualTimeProvider(T0);
        long batchId;
        await using (var db = t.NewContext())
        {
            var unit = Samples.Unit();
            db.Units.Add(unit);
            var people = Enumerable.Range(0, 3).Select(_ => Samples.Person(unit)).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            var batch = new Batch(unit.Id, "op", "u.zip", 3, T0);
            db.Batches.Add(batch);
            await db.SaveChangesAsync();
            batchId = batch.Id;
            for (var i = 0; i < 3; i++)
            {
                db.BatchEntries.Add(new BatchEntry(batchId, $"{unit.Code}/{people[i].PersonalNumber}.jpg", people[i].PersonalNumber,
                    TestJpeg.Make(i == 2 ? 5_000 : 20_000, i)));
            }

            await db.SaveChangesAsync();
        }

        var review = new ClaimedJob(1, JobTypes.BatchPreReview, $"{{\"batchId\":{batchId},\"profileId\":\"p\"}}", 1, 8, "w");
        await new BatchPreReviewJobHandler(t.Database, new JpegMagicReviewer(), clock).HandleAsync(review, CancellationToken.None);
        await using (var db = t.NewContext())
        {
            Assert.Equal(BatchState.Reviewed, (await db.Batches.SingleAsync()).State);
        }

        var files = new LocalFileStore(Path.Combine(t.Database.Storage.DataDirectory, "files"), new FileCipher(RandomNumberGenerator.GetBytes(32)));
        var export = new CardCentreExportJobHandler(t.Database, new FileStoreExportSink(files), clock);
        Assert.Equal(2, await export.ExportAsync("export-batch", CancellationToken.None));
        Assert.Equal(0, await export.ExportAsync("export-again", CancellationToken.None));

        await using var check = t.NewContext();
        Assert.Equal(BatchState.SentToCardCentre, (await check.Batches.SingleAsync()).State);
        Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.Action == AuditActions.BatchSent && e.EntityId == batchId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2, await check.CardRecords.CountAsync(c => c.State == CardState.SentToCardCentre));
        Assert.Equal(1, await check.CardRecords.CountAsync(c => c.State == CardState.PhotoFailed));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_writes_the_exchange_package_and_marks_cards_sent(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Export_writes_the_exchange_package_and_marks_cards_sent));
        var clock = new ManualTimeProvider(T0);
        var numbers = new List<string>();
        await using (var db = t.NewContext())
        {
            var unit = Samples.Unit();
            var dept = new Unit(unit.Code + "-01", "技术部", unit);
            db.Units.AddRange(unit, dept);
            for (var i = 0; i < 3; i++)
            {
                var person = Samples.Person(dept);
                numbers.Add(person.PersonalNumber);
                var photo = new Photo(PhotoChannel.Applicant, person.PersonalNumber + ".jpg", TestJpeg.Make(20_000, i), T0);
                photo.RecordReview(PhotoVerdict.Passed, "[]", T0);
                db.Photos.Add(photo);
                await db.SaveChangesAsync();
                var card = new CardRecord(person, T0);
                card.RecordPhotoReview(photo.Id, i != 2, i == 2 ? "x" : null, T0, "t");
                db.CardRecords.Add(card);
            }

            await db.SaveChangesAsync();
        }

        var files = new LocalFileStore(Path.Combine(t.Database.Storage.DataDirectory, "files"), new FileCipher(RandomNumberGenerator.GetBytes(32)));
        var handler = new CardCentreExportJobHandler(t.Database, new FileStoreExportSink(files), clock);
        Assert.Equal(2, await handler.ExportAsync("export-1", CancellationToken.None));
        Assert.Equal(0, await handler.ExportAsync("export-2", CancellationToken.None));

        byte[] package = await files.GetAsync("exports/export-1.zip", CancellationToken.None) ?? throw new InvalidOperationException("no package in the store");
        using (var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains($"photos/{numbers[0]}.jpg", names);
            Assert.Contains($"photos/{numbers[1]}.jpg", names);
            Assert.DoesNotContain($"photos/{numbers[2]}.jpg", names);
        }

        Assert.Equal(["exports/export-1.zip"], (await files.ListAsync("exports/", CancellationToken.None)).Select(f => f.Key));
        await using var check = t.NewContext();
        Assert.Equal(2, await check.CardRecords.CountAsync(c => c.State == CardState.SentToCardCentre));
    }
}
