using System.IO.Compression;
using System.Security.Cryptography;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Batches;

/// <summary>
/// Takes one photo through the whole unit-package path (intake, storing the batch, recording the verdict, the card
/// moving to its review state) on a scratch SQLite database in a temporary folder that is deleted afterwards, so a host
/// can run it while it starts: the first real package then does not pay for compiling those code paths (about a second
/// on the first upload after a restart otherwise). Nothing touches the host's own database.
/// </summary>
public static class UnitBatchWarmUp
{
    private const string UnitCode = "9999999999";
    private const string PersonalNumber = "0000000001";

    /// <summary>Runs the path once; returns the verdict the scratch batch got (proof that it went all the way). The
    /// scratch folder is made in <paramref name="scratchParent"/> (default: the system's temporary folder).</summary>
    public static async Task<PhotoVerdict?> RunAsync(IPhotoCheckPort reviewer, byte[] photo, string profileId, CancellationToken cancellationToken,
        string? scratchParent = null)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(photo);
        DirectoryInfo folder = scratchParent is null
            ? Directory.CreateTempSubdirectory("socialcard-warmup-")
            : Directory.CreateDirectory(Path.Combine(scratchParent, "socialcard-warmup-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6))));
        try
        {
            var database = new PlatformDatabase(new StorageOptions
            {
                Provider = StorageProvider.Sqlite,
                DataDirectory = folder.FullName,
                ConnectionString = $"Data Source={Path.Combine(folder.FullName, "warm-up.db")};Pooling=False",
                EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            });
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            long unitId;
            await using (var db = database.CreateDbContext())
            {
                var unit = new Unit(UnitCode, "启动预热");
                db.Units.Add(unit);
                const string first17 = "11010119900101001";
                var person = new Person(IdType.ResidentId, first17 + ResidentIdNumber.ComputeCheckChar(first17), "CHN", PersonalNumber, "预热",
                    Gender.Female, new DateOnly(1990, 1, 1), "中国");
                person.MoveToUnit(unit);
                db.People.Add(person);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                unitId = unit.Id;
            }

            var time = TimeProvider.System;
            var batches = new UnitBatchService(database, new JobQueue(database, time), time);
            using var zip = new MemoryStream();
            using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            {
                await using Stream entry = await archive.CreateEntry($"{UnitCode}/{PersonalNumber}.jpg", CompressionLevel.NoCompression)
                    .OpenAsync(cancellationToken).ConfigureAwait(false);
                await entry.WriteAsync(photo, cancellationToken).ConfigureAwait(false);
            }

            zip.Position = 0;
            BatchReceipt receipt = await batches.ReceiveAsync(UnitCode, "warm-up", "warm-up.zip", zip, profileId, TimeSpan.FromHours(1), cancellationToken)
                .ConfigureAwait(false);
            if (receipt.BatchId is not { } batchId)
            {
                return null;
            }

            await new BatchPreReviewJobHandler(database, reviewer, time).ReviewBatchAsync(batchId, profileId, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<BatchStatusView> list = await batches.ListAsync(unitId, cancellationToken: cancellationToken).ConfigureAwait(false);
            return list.Count == 1 && list[0].State == BatchState.Reviewed
                ? (list[0].PassedCount == 1 ? PhotoVerdict.Passed : PhotoVerdict.Failed)
                : null;
        }
        finally
        {
            folder.Delete(recursive: true); // no pooled connection keeps the scratch file open (Pooling=False)
        }
    }
}
