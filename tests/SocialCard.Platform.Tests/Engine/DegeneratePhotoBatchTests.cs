using Microsoft.EntityFrameworkCore;
using SocialCard.Imaging;
using SocialCard.Imaging.Formats.Jpeg;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Engine;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Tests.Batches;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Engine;

/// <summary>
/// A valid JPEG one pixel high (or wide) is a photo like any other: through the real engine it gets a verdict with its
/// reasons, and the rest of its package is reviewed as usual (once, one such file was an exception that sank a whole
/// 50-photo package).
/// </summary>
[Collection(PostgresProcessCollection.Name)]
public sealed class DegeneratePhotoBatchTests(PostgresServer server)
{
    private const string UnitCode = "3205007778";
    private const string Profile = "suzhou-sscard";

    [Fact]
    public async Task A_one_pixel_high_jpeg_is_failed_with_reasons_and_the_rest_of_the_package_is_reviewed()
    {
        string compliant = EngineFixture.Photos("compliant", 1)[0];
        string compliantNumber = Path.GetFileNameWithoutExtension(compliant);
        const string Row = "3205990001", Column = "3205990002", Dot = "3205990003";
        await using var t = await TestDatabase.CreateAsync("Sqlite", server, "degenerate");
        await using (var db = t.NewContext())
        {
            var unit = new Unit(UnitCode, "园区退化图片测试单位", null, "ICBC");
            db.Units.Add(unit);
            foreach (var number in new[] { compliantNumber, Row, Column, Dot })
            {
                var p = new Person(IdType.ResidentId, Samples.ResidentId(), "CHN", number, "王五", Gender.Male, new DateOnly(1990, 1, 1), "中国");
                p.MoveToUnit(unit);
                db.People.Add(p);
            }

            await db.SaveChangesAsync();
        }

        var zip = new TestZip()
            .Add($"{UnitCode}/{compliant}", EngineFixture.Bytes(compliant))
            .Add($"{UnitCode}/{Row}.jpg", Jpeg(358, 1))
            .Add($"{UnitCode}/{Column}.jpg", Jpeg(1, 441))
            .Add($"{UnitCode}/{Dot}.jpg", Jpeg(1, 1));
        var clock = TimeProvider.System;
        var queue = new JobQueue(t.Database, clock);
        var receipt = await new UnitBatchService(t.Database, queue, clock).ReceiveAsync(UnitCode, "hr", "p.zip", new MemoryStream(zip.Build()), Profile);
        Assert.Equal(4, receipt.AcceptedCount);

        var worker = new JobWorker(queue, [new BatchPreReviewJobHandler(t.Database, new PhotoCheckAdapter(EngineFixture.Checker), clock)], clock);
        Assert.Equal(JobRunResult.Succeeded, await worker.RunOnceAsync());

        await using var check = t.NewContext();
        var photos = await check.Photos.AsNoTracking().Where(p => p.BatchId == receipt.BatchId).ToDictionaryAsync(p => Path.GetFileNameWithoutExtension(p.FileName));
        Assert.Equal(EngineFixture.Review(compliant, Profile).Verdict, photos[compliantNumber].Verdict);
        foreach (var number in new[] { Row, Column, Dot })
        {
            Assert.Equal(PhotoVerdict.Failed, photos[number].Verdict);
            Assert.Contains("image.dimensions", photos[number].ReportJson!, StringComparison.Ordinal);
        }
    }

    private static byte[] Jpeg(int width, int height)
    {
        using var image = new RgbImage(width, height);
        image.Pixels.Fill(180);
        return JpegEncoder.Encode(image, new JpegEncoderOptions { Quality = 90 });
    }
}
