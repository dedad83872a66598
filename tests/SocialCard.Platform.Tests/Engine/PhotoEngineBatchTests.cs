using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Engine;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Reports;
using SocialCard.Platform.Tests.Batches;
using SocialCard.Platform.Tests.Exchange;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Engine;

/// <summary>Batch pre-review through the real photo engine (SocialCard.Photos with the face networks) on labelled
/// development photos: the platform stores exactly what the engine answers, voids failures with their reasons and
/// voids a passing photo whose number is not registered.</summary>
[Collection(PostgresProcessCollection.Name)]
public sealed class PhotoEngineBatchTests(PostgresServer server)
{
    private const string UnitCode = "3205007777";
    private const string Profile = "suzhou-sscard";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Real_engine_verdicts_are_stored_failures_listed_and_unregistered_numbers_voided(string provider)
    {
        var compliant = EngineFixture.Photos("compliant", 2);
        string[] failing = [.. EngineFixture.Photos("file.size", 1), .. EngineFixture.Photos("image.dimensions", 1)];
        var registered = compliant.Take(1).Concat(failing).ToList();
        var unregistered = compliant[1];
        var files = registered.Append(unregistered).ToList();

        await using var t = await TestDatabase.CreateAsync(provider, server, "engine");
        long unitId;
        await using (var db = t.NewContext())
        {
            var unit = new Unit(UnitCode, "园区引擎测试单位", null, "ICBC");
            db.Units.Add(unit);
            foreach (var f in registered)
            {
                var p = new Person(IdType.ResidentId, Samples.ResidentId(), "CHN", Path.GetFileNameWithoutExtension(f), "王五", Gender.Male,
                    new DateOnly(1990, 1, 1), "中国");
                p.MoveToUnit(unit);
                db.People.Add(p);
            }

            await db.SaveChangesAsync();
            unitId = unit.Id;
        }

        var zip = new TestZip();
        foreach (var f in files)
        {
            zip.Add($"{UnitCode}/{f}", EngineFixture.Bytes(f));
        }

        var clock = TimeProvider.System;
        var queue = new JobQueue(t.Database, clock);
        var batches = new UnitBatchService(t.Database, queue, clock);
        var receipt = await batches.ReceiveAsync(UnitCode, "hr-zhao", UnitCode + ".zip", new MemoryStream(zip.Build()), Profile);
        Assert.False(receipt.IsRefused, string.Join("; ", receipt.Refusals.Select(r => r.MessageEn)));
        Assert.Equal(files.Count, receipt.AcceptedCount);

        var reviewer = new PhotoCheckAdapter(EngineFixture.Checker);
        var worker = new JobWorker(queue, [new BatchPreReviewJobHandler(t.Database, reviewer, clock)], clock);
        Assert.Equal(JobRunResult.Succeeded, await worker.RunOnceAsync());

        // What the engine says about each photo on its own.
        var expected = files.ToDictionary(f => f, f => EngineFixture.Review(f, Profile));
        Assert.All(failing, f => Assert.Equal(PhotoVerdict.Failed, expected[f].Verdict));
        Assert.Contains(expected[failing[0]].Findings, x => x.Rule == "file.size" && x.Outcome == FindingOutcome.Fail);
        Assert.Contains(expected[failing[1]].Findings, x => x.Rule == "image.dimensions" && x.Outcome == FindingOutcome.Fail);

        await using (var db = t.NewContext())
        {
            var photos = await db.Photos.AsNoTracking().Where(p => p.BatchId == receipt.BatchId).ToListAsync();
            Assert.Equal(files.Count, photos.Count);
            foreach (var photo in photos)
            {
                var file = photo.FileName[(UnitCode.Length + 1)..];
                var stored = JsonSerializer.Deserialize<List<PhotoFinding>>(photo.ReportJson!, JobJson.Options)!;
                if (file == unregistered)
                {
                    Assert.Equal(PhotoVerdict.Failed, photo.Verdict);
                    Assert.Null(photo.PersonId);
                    if (expected[file].Verdict == PhotoVerdict.Passed)
                    {
                        Assert.Equal(BatchEntryOutcome.UnmatchedRuleId, stored[0].Rule);
                    }

                    continue;
                }

                Assert.Equal(expected[file].Verdict, photo.Verdict);
                Assert.Equal(expected[file].Findings.Select(f => (f.Rule, f.Outcome, f.Value)), stored.Select(f => (f.Rule, f.Outcome, f.Value)));
                Assert.NotNull(photo.PersonId);
            }

            var cards = await db.CardRecords.AsNoTracking().ToDictionaryAsync(c => c.PersonalNumber + ".jpg", c => c.State);
            Assert.Equal(registered.Count, cards.Count);
            Assert.All(registered, f => Assert.Equal(expected[f].Verdict == PhotoVerdict.Passed ? CardState.PhotoPassed : CardState.PhotoFailed, cards[f]));

            var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == receipt.BatchId);
            var passed = registered.Count(f => expected[f].Verdict == PhotoVerdict.Passed);
            Assert.Equal((BatchState.Reviewed, passed, files.Count - passed), (batch.State, batch.PassedCount, batch.FailedCount));
        }

        // The unit's failure list names every voided photo with the engine's (or the registry's) reason.
        var failures = await batches.FailureListAsync(unitId, receipt.BatchId);
        Assert.Equal(files.Count(f => f == unregistered || expected[f].Verdict == PhotoVerdict.Failed), failures.Count);
        var sizeRow = failures.Single(r => r.PersonalNumber == Path.GetFileNameWithoutExtension(failing[0]));
        Assert.Contains(expected[failing[0]].Findings.First(f => f.Rule == "file.size").Zh, sizeRow.Reasons, StringComparison.Ordinal);
        var unmatchedRow = failures.Single(r => r.PersonalNumber == Path.GetFileNameWithoutExtension(unregistered));
        if (expected[unregistered].Verdict == PhotoVerdict.Passed)
        {
            Assert.Contains("人员编号在制卡数据库中不存在", unmatchedRow.Reasons, StringComparison.Ordinal);
        }

        // The list as the unit downloads it, opened back with the OpenXML SDK.
        using var xlsx = new MemoryStream();
        PreReviewFailureReport.WriteXlsx(xlsx, failures);
        var sheet = XlsxSheet.Open(xlsx.ToArray());
        Assert.Equal(PreReviewFailureReport.DefaultSheetName, sheet.SheetName);
        var numbersInSheet = Enumerable.Range(2, failures.Count).Select(r => sheet.Text("B" + r)).ToList();
        Assert.Equal(failures.Select(f => f.PersonalNumber), numbersInSheet);
        var sizeLine = numbersInSheet.IndexOf(sizeRow.PersonalNumber) + 2;
        Assert.Equal(sizeRow.Reasons, sheet.Text("F" + sizeLine));
        Assert.Equal(PreReviewFailureReport.ResultFailed, sheet.Text("E" + sizeLine));
        Assert.False(sheet.Cells.ContainsKey("B" + (failures.Count + 2)), "one row per voided photo");
    }
}
