using SocialCard.Platform.Domain;
using SocialCard.Platform.Drafts;
using SocialCard.Platform.Files;
using SocialCard.Platform.Storage;
using SocialCard.Platform.Tests.Infrastructure;

namespace SocialCard.Platform.Tests.Storage;

/// <summary>Record images in an S3-compatible bucket (moto, started by the test) shared by two nodes on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImageFilesS3Tests(PostgresServer server, MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_nodes_on_one_bucket_share_a_drafts_images_and_the_bucket_holds_only_ciphertext()
    {
        var bucket = "sc-" + Guid.NewGuid().ToString("n")[..12];
        using var client = await moto.BucketAsync(bucket);
        var files = new FileStoreOptions { Provider = FileStoreProvider.S3, S3 = moto.Options(bucket, "centre") };
        await using var t = await TestDatabase.CreateAsync("PostgreSql", server, nameof(Two_nodes_on_one_bucket_share_a_drafts_images_and_the_bucket_holds_only_ciphertext), files: files);
        long personId;
        await using (var db = t.NewContext())
        {
            var person = Samples.Person();
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }

        var photo = TestJpeg.Make(20_000, 4);
        var nodeA = new ApplicationDraftService(t.Database, new ManualTimeProvider(T0));
        var id = await nodeA.SaveAsync("token-s3", personId, "{}", new ApplicationDraftImages(photo, null, [1], [2]));

        var nodeB = new ApplicationDraftService(new PlatformDatabase(t.Database.Storage, files), new ManualTimeProvider(T0));
        Assert.Equal(photo, (await nodeB.FindAsync("token-s3"))!.Images.Photo);
        var objects = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket });
        var keys = (objects.S3Objects ?? []).Select(o => o.Key).ToList();
        Assert.Equal(3, keys.Count);
        Assert.All(keys, k => Assert.StartsWith($"centre/applications/{id}/", k, StringComparison.Ordinal));
        using var raw = await client.GetObjectAsync(bucket, keys.Single(k => k.Contains("/draft-photo-", StringComparison.Ordinal)));
        using var buffer = new MemoryStream();
        await raw.ResponseStream.CopyToAsync(buffer);
        Assert.Equal(-1, buffer.ToArray().AsSpan().IndexOf(photo.AsSpan(100, 64)));

        await nodeB.DeleteAsync("token-s3");
        objects = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket });
        Assert.Empty(objects.S3Objects ?? []);
    }
}
