using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Engine;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Tests.Batches;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Engine;

/// <summary>
/// A photo the engine warns on (here a light top under the national profile, which only warns on it) is neither passed
/// nor voided: it is stored as waiting for a look by centre staff, its card does not move, and it is not on the unit's
/// failure list.
/// </summary>
[Collection(PostgresProcessCollection.Name)]
public sealed class ReviewBandDispositionTests(PostgresServer server)
{
    private const string UnitCode = "3205007778";
    private const string Profile = "national-sscard";

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_warned_photo_waits_for_centre_staff_instead_of_being_voided(string provider)
    {
        string file = EngineFixture.Photos("clothing.light", 18).First(f => EngineFixture.Review(f, Profile).Verdict == PhotoVerdict.NeedsReview);
        PhotoReview expected = EngineFixture.Review(file, Profile);
        Assert.Contains(expected.Findings, f => f.Rule == "clothing.light" && f.Outcome == FindingOutcome.Warn);
        Assert.DoesNotContain(expected.Findings, f => f.Outcome == FindingOutcome.Fail);

        await using var t = await TestDatabase.CreateAsync(provider, server, "reviewband");
        long unitId;
        await using (var db = t.NewContext())
        {
            var unit = new Unit(UnitCode, "园区复核测试单位", null, "ICBC");
            db.Units.Add(unit);
            var p = new Person(IdType.ResidentId, Samples.ResidentId(), "CHN", Path.GetFileNameWithoutExtension(file), "赵六", Gender.Female,
                new DateOnly(1991, 2, 3), "中国");
            p.MoveToUnit(unit);
            db.People.Add(p);
            await db.SaveChangesAsync();
            unitId = unit.Id;
        }

        var zip = new TestZip();
        zip.Add($"{UnitCode}/{file}", EngineFixture.Bytes(file));
        var clock = TimeProvider.System;
        var queue = new JobQueue(t.Database, clock);
        var batches = new UnitBatchService(t.Database, queue, clock);
        var receipt = await batches.ReceiveAsync(UnitCode, "hr-zhao", UnitCode + ".zip", new MemoryStream(zip.Build()), Profile);
        Assert.False(receipt.IsRefused, string.Join("; ", receipt.Refusals.Select(r => r.MessageEn)));

        var worker = new JobWorker(queue, [new BatchPreReviewJobHandler(t.Database, new PhotoCheckAdapter(EngineFixture.Checker), clock)], clock);
        Assert.Equal(JobRunResult.Succeeded, await worker.RunOnceAsync());

        await using (var db = t.NewContext())
        {
            var photo = await db.Photos.AsNoTracking().SingleAsync(p => p.BatchId == receipt.BatchId);
            Assert.Equal(PhotoVerdict.NeedsReview, photo.Verdict);
            Assert.NotNull(photo.PersonId);
            var card = await db.CardRecords.AsNoTracking().SingleAsync();
            Assert.NotEqual(CardState.PhotoFailed, card.State);
            Assert.NotEqual(CardState.PhotoPassed, card.State);
        }

        Assert.Empty(await batches.FailureListAsync(unitId, receipt.BatchId));
    }
}
