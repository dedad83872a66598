using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Exchange;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Services;

[Collection(PostgresCollection.Name)]
public sealed class ServiceTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2017, 6, 27, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Unit_batch_is_received_reviewed_by_the_worker_and_lists_failures(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Unit_batch_is_received_reviewed_by_the_worker_and_lists_failures));
        var clock = TimeProvider.System;
        var numbers = new List<string>();
        long unitId;
        await using (var db = t.NewContext())
        {
            var unit = new Unit("3205001234", "园区测试单位", null, "ICBC");
            db.Units.Add(unit);
            for (var i = 0; i < 3; i++)
            {
                var p = Samples.Person(unit, name: i == 1 ? "欧阳娜娜" : "张三");
                numbers.Add(p.PersonalNumber);
                db.People.Add(p);
            }

            await db.SaveChangesAsync();
            unitId = unit.Id;
        }

        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 3; i++)
            {
                var e = archive.CreateEntry($"3205001234/{numbers[i]}.jpg");
                await using var s = await e.OpenAsync();
                await s.WriteAsync(TestJpeg.Make(i == 1 ? 5_000 : 20_000, i));
            }

            // A good photo whose number is not in the registry: voided as unmatched (seed 000, 三、3).
            var unmatched = archive.CreateEntry("3205001234/0999999997.jpg");
            await using (var s = await unmatched.OpenAsync())
            {
                await s.WriteAsync(TestJpeg.Make(20_000, 7));
            }

            var bad = archive.CreateEntry("3205001234/not-a-number.jpg");
            await using (var s = await bad.OpenAsync())
            {
                await s.WriteAsync(TestJpeg.Make(20_000, 9));
            }
        }

        zip.Position = 0;
        var queue = new JobQueue(t.Database, clock);
        var batches = new UnitBatchService(t.Database, queue, clock);
        var receipt = await batches.ReceiveAsync("3205001234", "hr-wang", "3205001234.zip", zip, "suzhou-sscard");
        Assert.False(receipt.IsRefused);
        Assert.Equal(4, receipt.AcceptedCount);
        Assert.NotNull(receipt.JobId);
        Assert.Single(receipt.Refusals);

        var worker = new JobWorker(queue, [new BatchPreReviewJobHandler(t.Database, new JpegMagicReviewer(), clock)], clock);
        Assert.Equal(JobRunResult.Succeeded, await worker.RunOnceAsync());

        var list = await batches.ListAsync(unitId);
        var view = Assert.Single(list);
        Assert.Equal((BatchState.Reviewed, 4, 2, 2), (view.State, view.Reviewed, view.PassedCount, view.FailedCount));

        var failures = await batches.FailureListAsync(unitId);
        Assert.Equal(2, failures.Count);
        var voided = failures.Single(r => r.PersonalNumber == "0999999997");
        Assert.Contains("人员编号在制卡数据库中不存在", voided.Reasons, StringComparison.Ordinal);
        var row = failures.Single(r => r.PersonalNumber != "0999999997");
        Assert.Equal(numbers[1], row.PersonalNumber);
        Assert.Equal("欧***", row.Name);
        Assert.Contains("10～40K", row.Reasons, StringComparison.Ordinal);

        // Another unit's zip must name its own folder.
        zip.Position = 0;
        await using (var db = t.NewContext())
        {
            db.Units.Add(new Unit("3205009999", "别的单位"));
            await db.SaveChangesAsync();
        }

        var wrong = await batches.ReceiveAsync("3205009999", "x", "x.zip", zip, "suzhou-sscard");
        Assert.True(wrong.IsRefused);
        Assert.Null(wrong.BatchId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Card_centre_results_drive_the_lifecycle_and_bad_rows_are_reported(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Card_centre_results_drive_the_lifecycle_and_bad_rows_are_reported));
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var people = new List<Person>();
        await using (var db = t.NewContext())
        {
            for (var i = 0; i < 4; i++)
            {
                var p = Samples.Person();
                people.Add(p);
                var card = new CardRecord(p, clock.GetUtcNow());
                card.RecordPhotoReview(1, true, null, clock.GetUtcNow(), "t");
                card.SendToCardCentre(clock.GetUtcNow(), "t");
                db.CardRecords.Add(card);
            }

            await db.SaveChangesAsync();
        }

        var csv = $"""
            number,status,production_date,reason
            {people[0].PersonalNumber},ingested,,
            {people[1].PersonalNumber},voided,,文件名称在数据库系统不存在
            {people[2].PersonalNumber},produced,2026-02-01,
            {people[3].PersonalNumber},picked_up,2026-03-01,
            0999999999,ingested,,
            """;
        var parsed = new CardCentreResultImporter().Parse(Encoding.UTF8.GetBytes(csv.Replace("\r\n", "\n", StringComparison.Ordinal)));
        Assert.Empty(parsed.Errors);
        var svc = new CardLifecycleService(t.Database, clock);
        var report = await svc.ApplyCardCentreResultsAsync(parsed, "staff:centre");
        Assert.Equal(4, report.Applied); // picked_up with a production date walks ingested -> produced -> ready -> picked up
        Assert.Equal(6L, Assert.Single(report.Rejected).Line);

        var again = await svc.ApplyCardCentreResultsAsync(parsed, "staff:centre");
        Assert.Equal(0, again.Applied); // re-applying the same file repeats no transition
        Assert.Equal(4, again.Unchanged);
        Assert.Equal(6L, Assert.Single(again.Rejected).Line);
        var status = await svc.QueryAsync(people[2].PersonalNumber, people[2].IdNumber);
        Assert.Equal(CardState.Produced, status!.State);
        Assert.Equal(new DateOnly(2026, 3, 3), status.ReadyForPickupOn);
        Assert.Null(await svc.QueryAsync(people[2].PersonalNumber, people[1].IdNumber));

        await Assert.ThrowsAsync<SocialCardDomainException>(() => svc.PickUpAsync(people[2].PersonalNumber, "staff:li"));
        await new PickupReminderJobHandler(t.Database, clock).RunAsync(CancellationToken.None);
        await svc.PickUpAsync(people[2].PersonalNumber, "staff:li");
        Assert.Equal(CardState.PickedUp, (await svc.QueryAsync(people[2].PersonalNumber, people[2].IdNumber))!.State);

        await svc.ResubmitAsync(people[1].PersonalNumber, "unit:x");
        Assert.Equal(CardState.Collecting, (await svc.QueryAsync(people[1].PersonalNumber, people[1].IdNumber))!.State);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Staff_reads_are_audited_and_lists_are_masked(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Staff_reads_are_audited_and_lists_are_masked));
        var id = Samples.ResidentId("510107", "19870615", 321);
        long unitId;
        await using (var db = t.NewContext())
        {
            var top = Samples.Unit();
            var dept = new Unit(top.Code + "-01", "部门", top);
            db.Units.AddRange(top, dept);
            db.People.Add(Samples.Person(dept, id, "13812345678", "张三"));
            db.People.Add(Samples.Person(top));
            db.People.Add(Samples.Person(Samples.Unit()));
            await db.SaveChangesAsync();
            unitId = top.Id;
        }

        var svc = new PeopleQueryService(t.Database, TimeProvider.System);
        var detail = await svc.FindByIdNumberAsync(id, "staff:li");
        Assert.Equal(("张三", "13812345678", "BOCD"), (detail!.Name, detail.Phone, detail.BankCode));
        Assert.Null(await svc.FindByIdNumberAsync(Samples.ResidentId(), "staff:li"));

        var list = await svc.ListUnitPeopleAsync(unitId, 0, 10, "staff:li");
        Assert.Equal(2, list.Count);
        var zhang = list.Single(p => p.MaskedName == "张*" && p.MaskedIdNumber == id[..4] + "**********" + id[14..]);
        Assert.Equal("138****5678", zhang.MaskedPhone);

        await using var check = t.NewContext();
        var audits = await check.AuditEvents.Where(e => e.Actor == "staff:li").Select(e => new { e.Action, e.Detail }).ToListAsync();
        Assert.Equal(1, audits.Count(a => a.Action == AuditActions.PersonViewed));
        Assert.Equal(3, audits.Count(a => a.Action == AuditActions.PersonSearched));
        Assert.DoesNotContain(audits, a => a.Detail != null && a.Detail.Contains(id, StringComparison.Ordinal));
    }
}
