using Microsoft.EntityFrameworkCore;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Photos.Faces;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Engine;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Security;
using SocialCard.Platform.Tests.Batches;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Engine;

/// <summary>
/// Same face, another person, through the real engine and the real face recognition net: a re-saved copy of one
/// person's photo (other bytes, so the byte hash does not see it) offered by another unit for someone else waits for
/// centre review with a reason that names no one; a different person's photo is judged as usual. Descriptors are sealed.
/// </summary>
[Collection(PostgresProcessCollection.Name)]
public sealed class SameFaceTests(PostgresServer server)
{
    private const string UnitA = "3205007781";
    private const string UnitB = "3205007782";
    private const string Profile = "suzhou-sscard";
    private static readonly Lazy<FaceDescriptorReader> s_faces = new(() => FaceDescriptorReader.Load(EngineFixture.ModelsDirectory));

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_resaved_copy_of_another_persons_photo_waits_for_centre_review_naming_no_one(string provider)
    {
        const string A1 = "3205881001", B1 = "3205881002", B2 = "3205881003";
        byte[] original = EngineFixture.Bytes("0458430542.jpg");
        byte[] other = EngineFixture.Bytes("1041729198.jpg");
        byte[] resaved;
        using (RgbImage image = ImageDecoder.Decode(original))
        {
            resaved = JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 90, DensityDpi = 350 });
        }

        Assert.NotEqual(original, resaved);
        await using var t = await TestDatabase.CreateAsync(provider, server, "sameface");
        await using (var db = t.NewContext())
        {
            var a = new Unit(UnitA, "人脸比对测试单位甲", null, "ICBC");
            var b = new Unit(UnitB, "人脸比对测试单位乙", null, "ICBC");
            db.Units.AddRange(a, b);
            foreach (var (number, unit) in new[] { (A1, a), (B1, b), (B2, b) })
            {
                var p = new Person(IdType.ResidentId, Samples.ResidentId(), "CHN", number, "王五", Gender.Male, new DateOnly(1990, 1, 1), "中国");
                p.MoveToUnit(unit);
                db.People.Add(p);
            }

            await db.SaveChangesAsync();
        }

        var clock = TimeProvider.System;
        var queue = new JobQueue(t.Database, clock);
        var batches = new UnitBatchService(t.Database, queue, clock);
        var handler = new BatchPreReviewJobHandler(t.Database, new PhotoCheckAdapter(EngineFixture.Checker), clock, faces: new SameFaceService(s_faces.Value));
        var first = await batches.ReceiveAsync(UnitA, "hr", "a.zip", new MemoryStream(new TestZip().Add($"{UnitA}/{A1}.jpg", original).Build()), Profile);
        await handler.ReviewBatchAsync(first.BatchId!.Value, Profile, CancellationToken.None);
        var second = await batches.ReceiveAsync(UnitB, "hr", "b.zip",
            new MemoryStream(new TestZip().Add($"{UnitB}/{B1}.jpg", resaved).Add($"{UnitB}/{B2}.jpg", other).Build()), Profile);
        Assert.Equal(2, second.AcceptedCount);
        await handler.ReviewBatchAsync(second.BatchId!.Value, Profile, CancellationToken.None);

        await using var check = t.NewContext();
        var photos = await check.Photos.AsNoTracking().ToDictionaryAsync(p => Path.GetFileNameWithoutExtension(p.FileName));
        Assert.Equal(EngineFixture.Review("0458430542.jpg", Profile).Verdict, photos[A1].Verdict);
        Assert.Equal(PhotoVerdict.NeedsReview, photos[B1].Verdict);
        Assert.Contains(SameFaceCheck.RuleId, photos[B1].ReportJson!, StringComparison.Ordinal);
        foreach (var secret in new[] { A1, UnitA })
        {
            Assert.DoesNotContain(secret, SameFaceCheck.Finding.Zh, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, photos[B1].ReportJson!, StringComparison.Ordinal);
        }

        Assert.Equal(EngineFixture.Review("1041729198.jpg", Profile).Verdict, photos[B2].Verdict);
        Assert.DoesNotContain(SameFaceCheck.RuleId, photos[B2].ReportJson!, StringComparison.Ordinal);

        // Biometric data at rest: the descriptor column holds sealed values only.
        Assert.All(photos.Values, p => Assert.NotNull(p.FaceDescriptor));
        var conn = check.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT face_descriptor FROM photos";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.NotNull(check.Protector.KeyIdOf((byte[])reader.GetValue(0)));
        }
    }
}
