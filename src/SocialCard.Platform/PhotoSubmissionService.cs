using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Jobs;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform;

/// <summary>Single photos reviewed while the submitter waits: the applicant's upload in the wizard and a photo taken or
/// scanned at the counter (柜面提交, through <see cref="Desks.CounterDesk"/>). Unit zips go through <see cref="UnitBatchService"/> and the job queue instead.
/// The photo row, the card transition and the audit event commit together; the face is compared with the photos on file
/// for other people (<see cref="SameFaceService"/>).</summary>
public sealed class PhotoSubmissionService(PlatformDatabase database, IPhotoCheckPort reviewer, TimeProvider time, SameFaceService? faces = null)
{
    /// <summary>Reviews the applicant's photo; a passing photo, or one waiting for a look by centre staff, is attached to
    /// the application (only while it is editable).</summary>
    public async Task<PhotoReview> SubmitApplicantPhotoAsync(long applicationId, byte[] bytes, string fileName, string profileId,
        CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var app = await db.Applications.Include(a => a.Person).SingleAsync(a => a.Id == applicationId, cancellationToken).ConfigureAwait(false);
        if (!app.IsEditable(time.GetUtcNow()))
        {
            throw new SocialCardDomainException("申请已移交，不能再上传照片。", "The application has been handed over; no more photos can be uploaded.");
        }

        var actor = "applicant:" + app.Person!.PersonalNumber;
        var (photo, review) = await ReviewAndStoreAsync(db, app.Person, PhotoChannel.Applicant, bytes, fileName, profileId, actor, cancellationToken)
            .ConfigureAwait(false);
        if (review.Verdict is PhotoVerdict.Passed or PhotoVerdict.NeedsReview)
        {
            app.AttachPhoto(photo.Id, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return review;
    }

    /// <summary>Reviews the photo and stores it with the card transition and the audit event in one transaction;
    /// <paramref name="onStored"/> adds the channel's own rows (the photo has its id then) to the same transaction.</summary>
    internal async Task<(Photo Photo, PhotoReview Review)> ReviewAndStoreAsync(PlatformDbContext db, Person person, PhotoChannel channel, byte[] bytes,
        string fileName, string profileId, string actor, CancellationToken ct, Action<Photo>? onStored = null)
    {
        var review = await reviewer.ReviewAsync(bytes, fileName, profileId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var photo = new Photo(channel, fileName, bytes, now, person.Id);
        if (faces is not null)
        {
            review = await faces.CheckAsync(db, photo, person.Id, bytes, review, ct).ConfigureAwait(false);
        }

        photo.RecordReview(review.Verdict, JobJson.Serialize(review.Findings), now, review.FixedBytes);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        db.Photos.Add(photo);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await CardLookup.ApplyReviewAsync(db, person, photo.Id, review, now, actor, ct).ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.PhotoReviewed, "photo", photo.Id.ToString(CultureInfo.InvariantCulture),
            $"{channel}: {review.Verdict}"));
        onStored?.Invoke(photo);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return (photo, review);
    }
}
