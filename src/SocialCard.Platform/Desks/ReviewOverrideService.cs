using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Desks;

/// <summary>
/// 人工复核: a reviewer accepts or rejects a unit photo against the engine's verdict. The photo's verdict, the card's
/// state (through the card state machine) and an audit event with the reason commit together.
/// </summary>
public sealed class ReviewOverrideService(PlatformDatabase database, TimeProvider time)
{
    /// <summary>
    /// Not done when the photo does not exist, its card is past review (sent, produced...), or a pass is asked for a
    /// photo whose number names nobody in the database (the card centre would void it).
    /// </summary>
    public async Task<ReviewOverrideResult> OverrideAsync(long photoId, bool accept, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using PlatformDbContext db = database.CreateDbContext();
        Photo? photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId, cancellationToken).ConfigureAwait(false);
        if (photo is null)
        {
            return new ReviewOverrideResult(ReviewOverrideStatus.NotFound);
        }

        Person? person = photo.PersonId is { } id ? await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false) : null;
        string number = person?.PersonalNumber ?? Path.GetFileNameWithoutExtension(Path.GetFileName(photo.FileName));
        string name = person is null ? "" : PersonalDataMask.Name(person.Name);
        if (accept && person is null)
        {
            return new ReviewOverrideResult(ReviewOverrideStatus.UnknownPerson, number);
        }

        DateTimeOffset now = time.GetUtcNow();
        CardState target = accept ? CardState.PhotoPassed : CardState.PhotoFailed;
        // The person's newest card not yet picked up (same rule as the Platform's pre-review job).
        CardRecord? card = photo.PersonId is { } personId
            ? await db.CardRecords.Where(c => c.PersonId == personId && c.State != CardState.PickedUp).OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (card is not null && !CardStateMachine.CanMove(card.State, target))
        {
            return new ReviewOverrideResult(ReviewOverrideStatus.PastReview, number, name);
        }

        PhotoVerdict before = photo.Verdict;
        photo.RecordReview(accept ? PhotoVerdict.Passed : PhotoVerdict.Failed, photo.ReportJson ?? "[]", now);
        card?.RecordPhotoReview(photo.Id, accept, accept ? null : "人工复核：" + reason, now, actor);
        db.AuditEvents.Add(new AuditEvent(now, actor, AuditActions.PhotoOverridden, "photo", photo.Id.ToString(CultureInfo.InvariantCulture),
            $"{before}->{photo.Verdict}: {reason}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ReviewOverrideResult(ReviewOverrideStatus.Done, number, name);
    }
}
