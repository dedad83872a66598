using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Batches;

/// <summary>A photo file already on file for one person is refused for anyone else, in the same unit or another, in
/// later packages; the same person may send it again. Photos carry a keyed hash of their bytes, never a plain digest.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PhotoOnFileForAnotherTests(PostgresServer server)
{
    private const string UnitA = "3205008801";
    private const string UnitB = "3205008802";
    private const string Profile = "suzhou-sscard";
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_photo_on_file_for_one_person_is_refused_for_another_in_any_unit_and_passes_for_the_same_person(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(A_photo_on_file_for_one_person_is_refused_for_another_in_any_unit_and_passes_for_the_same_person));
        var clock = new ManualTimeProvider(T0);
        var (a1, a2, b1, b2) = await SeedAsync(t);
        var batches = new UnitBatchService(t.Database, new JobQueue(t.Database, clock), clock);
        var review = new BatchPreReviewJobHandler(t.Database, new JpegMagicReviewer(), clock);
        byte[] photo = TestJpeg.Make(20_000, 1);
        byte[] other = TestJpeg.Make(20_000, 2);

        var first = await batches.ReceiveAsync(UnitA, "hr", "a.zip", Zip(UnitA, (a1, photo)), Profile);
        await review.ReviewBatchAsync(first.BatchId!.Value, Profile, CancellationToken.None);

        // Another unit offers the same file for its own person: refused, naming neither the person nor the unit on file.
        var inB = await batches.ReceiveAsync(UnitB, "hr", "b.zip", Zip(UnitB, (b1, (byte[])photo.Clone()), (b2, other)), Profile);
        Assert.Equal(1, inB.AcceptedCount);
        var refusal = Assert.Single(inB.Refusals);
        Assert.Equal((BatchRefusalCode.PhotoOnFileForAnother, $"{UnitB}/{b1}.jpg"), (refusal.Code, refusal.EntryName));
        Assert.Contains("其他人", refusal.MessageZh, StringComparison.Ordinal);
        Assert.Contains("another person", refusal.MessageEn, StringComparison.Ordinal);
        foreach (var secret in new[] { UnitA, a1 })
        {
            Assert.DoesNotContain(secret, refusal.MessageZh, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, refusal.MessageEn, StringComparison.Ordinal);
        }

        // The same unit offers it for a second person: refused too; a package of only that photo stores no batch.
        var inA = await batches.ReceiveAsync(UnitA, "hr", "a2.zip", Zip(UnitA, (a2, photo)), Profile);
        Assert.True(inA.IsRefused);
        Assert.Null(inA.BatchId);
        Assert.Equal(BatchRefusalCode.PhotoOnFileForAnother, Assert.Single(inA.Refusals).Code);

        // The person on file sends the same file again: it goes on to the pre-review.
        var again = await batches.ReceiveAsync(UnitA, "hr", "a1.zip", Zip(UnitA, (a1, photo)), Profile);
        Assert.Equal((1, false), (again.AcceptedCount, again.IsRefused));
        Assert.Empty(again.Refusals);

        await using var db = t.NewContext();
        var stored = await db.Photos.AsNoTracking().SingleAsync(p => p.BatchId == first.BatchId);
        Assert.Equal(t.Database.Protector.ContentHash(photo), stored.ContentHash);
        Assert.NotEqual(SHA256.HashData(photo), stored.ContentHash);
        Assert.Equal(0, await db.BatchEntries.CountAsync(e => e.PersonalNumber == b1 || e.PersonalNumber == a2));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Photos_stored_before_the_hash_get_one_at_start_up_in_committed_batches_and_are_compared(string provider)
    {
        await using var t = await TestDatabase.CreateAsync(provider, server, nameof(Photos_stored_before_the_hash_get_one_at_start_up_in_committed_batches_and_are_compared));
        var clock = new ManualTimeProvider(T0);
        var (a1, a2, b1, _) = await SeedAsync(t);
        var batches = new UnitBatchService(t.Database, new JobQueue(t.Database, clock), clock);
        var review = new BatchPreReviewJobHandler(t.Database, new JpegMagicReviewer(), clock);
        byte[] photo = TestJpeg.Make(20_000, 1);
        var first = await batches.ReceiveAsync(UnitA, "hr", "a.zip", Zip(UnitA, (a1, photo), (a2, TestJpeg.Make(20_000, 2))), Profile);
        await review.ReviewBatchAsync(first.BatchId!.Value, Profile, CancellationToken.None);
        await using (var db = t.NewContext())
        {
            db.Photos.Add(new Photo(PhotoChannel.Applicant, "wizard.jpg", TestJpeg.Make(20_000, 3), T0, (await db.People.FirstAsync(p => p.PersonalNumber == a2)).Id));
            await db.SaveChangesAsync();
            Assert.Equal(3, await db.Database.ExecuteSqlRawAsync("UPDATE photos SET content_hash = NULL")); // as stored before the column
        }

        // Not compared while the hash is missing: the other unit's upload of the same file would go through.
        Assert.Equal(0, await CountHashedAsync(t));

        // One batch, then a stop: what was done stays done, the rest waits for the next start.
        Assert.Equal(1, await SocialCard.Platform.Security.PhotoContentHashBackfill.RunAsync(t.Database, batchSize: 1, maxBatches: 1));
        Assert.Equal(1, await CountHashedAsync(t));
        await t.Database.MigrateAsync();
        Assert.Equal(3, await CountHashedAsync(t));
        Assert.Equal(0, await SocialCard.Platform.Security.PhotoContentHashBackfill.RunAsync(t.Database));

        await using (var db = t.NewContext())
        {
            var stored = await db.Photos.AsNoTracking().SingleAsync(p => p.BatchId == first.BatchId && p.EntryName!.EndsWith(a1 + ".jpg"));
            Assert.Equal(t.Database.Protector.ContentHash(photo), stored.ContentHash);
        }

        var inB = await batches.ReceiveAsync(UnitB, "hr", "b.zip", Zip(UnitB, (b1, (byte[])photo.Clone())), Profile);
        Assert.Equal(BatchRefusalCode.PhotoOnFileForAnother, Assert.Single(inB.Refusals).Code);
    }

    private static async Task<int> CountHashedAsync(TestDatabase t)
    {
        await using var db = t.NewContext();
        return await db.Photos.CountAsync(p => p.ContentHash != null);
    }

    private static async Task<(string A1, string A2, string B1, string B2)> SeedAsync(TestDatabase t)
    {
        await using var db = t.NewContext();
        var unitA = new Unit(UnitA, "照片比对测试单位甲", null, "ICBC");
        var unitB = new Unit(UnitB, "照片比对测试单位乙", null, "ICBC");
        db.Units.AddRange(unitA, unitB);
        Person[] people = [Samples.Person(unitA), Samples.Person(unitA), Samples.Person(unitB), Samples.Person(unitB)];
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        return (people[0].PersonalNumber, people[1].PersonalNumber, people[2].PersonalNumber, people[3].PersonalNumber);
    }

    private static MemoryStream Zip(string unit, params (string Number, byte[] Bytes)[] photos)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (number, bytes) in photos)
            {
                using var s = archive.CreateEntry($"{unit}/{number}.jpg").Open();
                s.Write(bytes);
            }
        }

        zip.Position = 0;
        return zip;
    }
}
