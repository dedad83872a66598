using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using SocialCard.Photos;
using SocialCard.Photos.Profiles;
using SocialCard.Platform;
using SocialCard.Platform.Batches;
using SocialCard.Platform.Centre;
using SocialCard.Platform.Engine;
using SocialCard.Platform.Jobs.Handlers;
using SocialCard.Web.Features.PhotoCheck;
using SocialCard.Web.Hosting;

namespace SocialCard.Web.Features.Portal;

/// <summary>
/// Takes a unit's zip (or loose photos, packed into the same zip shape) through the Platform's intake, checks every
/// accepted photo right away in parallel, stores the batch with <see cref="UnitBatchService"/> and records the verdicts
/// in the same request (<see cref="BatchPreReviewJobHandler.ReviewBatchAsync"/> reuses the reports just computed), so
/// the unit's next page already shows every verdict. The pre-review job is queued with a delay as the safety net: if
/// the process dies between storing and recording, a worker records the verdicts a little later.
/// </summary>
public sealed class PhotoUploadService(
    UnitPackageIntake intake,
    UnitBatchService batches,
    WebPhotoCheckService checker,
    PhotoCheckAdapter reviewer,
    BatchPreReviewJobHandler preReview,
    CardLifecycleService cards,
    PortalQueries queries,
    IOptions<CentreOptions> centre,
    ILogger<PhotoUploadService> logger)
{
    /// <summary>How long the queued pre-review job waits for this request to record the verdicts itself.</summary>
    public static readonly TimeSpan JobSafetyDelay = TimeSpan.FromSeconds(30);

    public string ProfileId => centre.Value.PhotoProfile;

    public async Task<UploadOutcome> UploadZipAsync(string unitCode, string operatorName, string fileName, byte[] zip, CancellationToken cancellationToken)
    {
        BatchIntakeResult intakeResult = intake.Read(zip, unitCode);
        long checkMs = 0;
        if (!intakeResult.IsPackageRefused && intakeResult.Accepted.Count > 0)
        {
            SpecProfile profile = SpecProfiles.Get(ProfileId);
            List<PhotoInput> inputs = [.. intakeResult.Accepted.Select(e => new PhotoInput(e.FileName, e.Bytes))];
            (IReadOnlyList<PhotoReport> reports, long ms) = checker.CheckTimed(inputs, profile, cancellationToken);
            checkMs = ms;
            for (int i = 0; i < inputs.Count; i++)
            {
                reviewer.Remember(inputs[i].Bytes, profile.Id, reports[i]);
            }
        }

        long stored = Stopwatch.GetTimestamp();
        BatchReceipt receipt = await batches.ReceiveAsync(intakeResult, operatorName, fileName, ProfileId, JobSafetyDelay, cancellationToken);
        if (receipt.BatchId is { } batchId)
        {
            long storeMs = (long)Stopwatch.GetElapsedTime(stored).TotalMilliseconds;
            long recorded = Stopwatch.GetTimestamp();
            try
            {
                await preReview.ReviewBatchAsync(batchId, ProfileId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                WebLog.BatchInlineReviewFailed(logger, ex, batchId);
            }

            WebLog.BatchReceived(logger, batchId, receipt.AcceptedCount, checkMs, storeMs, (long)Stopwatch.GetElapsedTime(recorded).TotalMilliseconds);
        }

        return new UploadOutcome(receipt.IsRefused ? null : receipt.BatchId, receipt.AcceptedCount, checkMs, receipt.Refusals);
    }

    /// <summary>
    /// 制卡失败/预审不合格人员照片重新提交: the photo is stored under the person's number; a card that failed production
    /// or was voided is first moved back into review. Null when the number is not one of the unit's people.
    /// </summary>
    public async Task<UploadOutcome?> ResubmitAsync(string unitCode, long unitId, string actor, string personalNumber, byte[] photo, CancellationToken cancellationToken)
    {
        if (!PhotoFileName.IsPersonalNumber(personalNumber) || !await queries.HasPersonAsync(unitId, personalNumber, cancellationToken))
        {
            return null;
        }

        try
        {
            await cards.ResubmitAsync(personalNumber, actor, cancellationToken);
        }
        catch (SocialCard.Platform.Domain.SocialCardDomainException)
        {
            // Not failed or voided (e.g. a pre-review failure): the new photo simply gets reviewed.
        }

        return await UploadPhotosAsync(unitCode, actor, [new PhotoInput(personalNumber + ".jpg", photo)], cancellationToken);
    }

    /// <summary>Loose photos become a package "&lt;unit&gt;/&lt;file&gt;" so they pass the same intake rules.</summary>
    public Task<UploadOutcome> UploadPhotosAsync(string unitCode, string operatorName, IReadOnlyList<PhotoInput> photos, CancellationToken cancellationToken) =>
        UploadZipAsync(unitCode, operatorName, photos.Count == 1 ? photos[0].FileName : $"{photos.Count} photos", Pack(unitCode, photos), cancellationToken);

    public static byte[] Pack(string unitCode, IReadOnlyList<PhotoInput> photos)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (PhotoInput photo in photos)
            {
                ZipArchiveEntry entry = zip.CreateEntry(unitCode + "/" + Path.GetFileName(photo.FileName), CompressionLevel.NoCompression);
                using Stream s = entry.Open();
                s.Write(photo.Bytes);
            }
        }

        return buffer.ToArray();
    }
}
