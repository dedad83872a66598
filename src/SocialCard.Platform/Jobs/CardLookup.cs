using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Jobs;

/// <summary>Finds a person's current card and moves it with a review result; shared by every photo channel.</summary>
internal static class CardLookup
{
    /// <summary>The newest card not picked up.</summary>
    public static Task<CardRecord?> OpenCardAsync(PlatformDbContext db, long personId, CancellationToken ct) =>
        db.CardRecords.Where(c => c.PersonId == personId && c.State != CardState.PickedUp)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    /// <summary>Opens a card when the person has none and records the review on it when its state allows one (a card
    /// already at the card centre is not moved by a late photo). Does not save.</summary>
    public static async Task<CardRecord> ApplyReviewAsync(PlatformDbContext db, Person person, long photoId, PhotoReview review,
        DateTimeOffset now, string actor, CancellationToken ct)
    {
        var card = await OpenCardAsync(db, person.Id, ct).ConfigureAwait(false);
        return ApplyReview(db, person, card, photoId, review, now, actor);
    }

    /// <summary>The newest card not picked up of each of <paramref name="personIds"/> (one query), by person id.</summary>
    public static async Task<Dictionary<long, CardRecord>> OpenCardsAsync(PlatformDbContext db, IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        var cards = await db.CardRecords.Where(c => personIds.Contains(c.PersonId) && c.State != CardState.PickedUp)
            .ToListAsync(ct).ConfigureAwait(false);
        return cards.GroupBy(c => c.PersonId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
    }

    /// <summary>As <see cref="ApplyReviewAsync"/> with the person's open card already loaded (null: none).</summary>
    public static CardRecord ApplyReview(PlatformDbContext db, Person person, CardRecord? card, long photoId, PhotoReview review,
        DateTimeOffset now, string actor)
    {
        if (card is null)
        {
            card = new CardRecord(person, now);
            db.CardRecords.Add(card);
        }

        if (review.Verdict == PhotoVerdict.NeedsReview)
        {
            // Neither passed nor failed: the card waits where it is until centre staff accept or reject the photo.
            return card;
        }

        var passed = review.Verdict == PhotoVerdict.Passed;
        if (CardStateMachine.CanMove(card.State, passed ? CardState.PhotoPassed : CardState.PhotoFailed))
        {
            card.RecordPhotoReview(photoId, passed, review.FirstFailureZh, now, actor);
        }

        return card;
    }
}
