using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Exchange;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform;

/// <summary>The card after pre-review: card-centre results (ingested, voided, produced, failed, picked up), counter
/// pickup, and status queries. Every change goes through the <see cref="CardRecord"/> state machine and is audited.</summary>
public sealed class CardLifecycleService(PlatformDatabase database, TimeProvider time)
{
    /// <summary>Applies a parsed result file (<see cref="CardCentreResultImporter"/>) to each number's latest card. Each
    /// row commits on its own, so one bad row does not hold back the others. A row the card already reflects (the same
    /// status, or a later state it led to, with the same production date) is counted as unchanged and writes nothing,
    /// so importing the same file again changes no card and adds no audit event.</summary>
    public async Task<CardResultApplyReport> ApplyCardCentreResultsAsync(CardCentreImportResult result, string actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var applied = 0;
        var unchanged = 0;
        var rejected = new List<(long, ValidationError)>();
        foreach (var row in result.Rows)
        {
            await using var db = database.CreateDbContext();
            var card = await db.CardRecords.Where(c => c.PersonalNumber == row.PersonalNumber)
                .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (card is null || (card.State == CardState.PickedUp && row.Status != CardCentreResultStatus.PickedUp))
            {
                rejected.Add((row.LineNumber, new ValidationError("number", $"个人编号 {row.PersonalNumber} 没有进行中的制卡记录。",
                    $"No open card for personal number {row.PersonalNumber}.")));
                continue;
            }

            if (AlreadyReflects(card, row))
            {
                unchanged++;
                continue;
            }

            var now = time.GetUtcNow();
            try
            {
                Apply(card, row, now, actor);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                applied++;
            }
            catch (SocialCardDomainException ex)
            {
                rejected.Add((row.LineNumber, new ValidationError("status", ex.Zh, ex.En)));
            }
        }

        return new CardResultApplyReport(applied, rejected) { Unchanged = unchanged };
    }

    /// <summary>The card state a result status leads to.</summary>
    public static CardState TargetState(CardCentreResultStatus status) => status switch
    {
        CardCentreResultStatus.Ingested => CardState.Ingested,
        CardCentreResultStatus.Voided => CardState.Voided,
        CardCentreResultStatus.Produced => CardState.Produced,
        CardCentreResultStatus.Failed => CardState.ProductionFailed,
        CardCentreResultStatus.PickedUp => CardState.PickedUp,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>True when applying <paramref name="row"/> would repeat what the card already records.</summary>
    private static bool AlreadyReflects(CardRecord card, CardCentreResultRow row) => row.Status switch
    {
        CardCentreResultStatus.Ingested => card.State is CardState.Ingested or CardState.Produced or CardState.ReadyForPickup
            or CardState.PickedUp or CardState.ProductionFailed,
        CardCentreResultStatus.Voided => card.State == CardState.Voided,
        CardCentreResultStatus.Produced => (card.State is CardState.Produced or CardState.ReadyForPickup or CardState.PickedUp)
            && card.ProducedOn == row.ProductionDate,
        CardCentreResultStatus.Failed => card.State is CardState.ProductionFailed or CardState.Resubmitted,
        CardCentreResultStatus.PickedUp => card.State == CardState.PickedUp,
        _ => false,
    };

    /// <summary>柜面领卡: the clerk hands the card over.</summary>
    public async Task PickUpAsync(string personalNumber, string staffActor, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var card = await db.CardRecords.Where(c => c.PersonalNumber == personalNumber && c.State == CardState.ReadyForPickup)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new SocialCardDomainException("没有可领取的社保卡。", "There is no card ready for pickup.");
        card.PickUp(time.GetUtcNow(), staffActor);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>制卡失败人员重新提交照片: moves a failed card back into review.</summary>
    public async Task ResubmitAsync(string personalNumber, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var card = await db.CardRecords.Where(c => c.PersonalNumber == personalNumber && (c.State == CardState.ProductionFailed || c.State == CardState.Voided))
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new SocialCardDomainException("没有制卡失败或作废的记录。", "There is no failed or voided card to resubmit.");
        if (card.State == CardState.Voided)
        {
            card.Reopen(time.GetUtcNow(), actor);
        }
        else
        {
            card.Resubmit(time.GetUtcNow(), actor);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>社保卡制卡发卡查询: personal number plus ID number (both required, seed 000 四.2).</summary>
    public async Task<CardStatusView?> QueryAsync(string personalNumber, string idNumber, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(idNumber);
        var card = await db.CardRecords.AsNoTracking().Include(c => c.Person)
            .Where(c => c.PersonalNumber == personalNumber && c.Person!.IdNumberHash == hash)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return card is null ? null : ToView(card);
    }

    /// <summary>
    /// 单位制卡失败人员查询（包含无照片人员）: the people of the unit and of its sub-units whose newest card failed
    /// production or was voided, then those with no photo at all (no card can be made for them), each by personal number.
    /// </summary>
    public async Task<IReadOnlyList<CardStatusView>> UnitFailuresAsync(long unitId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var tree = await UnitTree.IdsAsync(db, unitId, cancellationToken).ConfigureAwait(false);

        var cards = await db.CardRecords.AsNoTracking().Include(c => c.Person)
            .Where(c => c.Person!.UnitId != null && tree.Contains(c.Person.UnitId.Value)
                && (c.State == CardState.ProductionFailed || c.State == CardState.Voided)
                && !db.CardRecords.Any(n => n.PersonId == c.PersonId && n.Id > c.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var noPhoto = await db.People.AsNoTracking()
            .Where(p => p.UnitId != null && tree.Contains(p.UnitId.Value)
                && !db.Photos.Any(ph => ph.PersonId == p.Id)
                && !db.CardRecords.Any(c => c.PersonId == p.Id && c.PhotoId != null))
            .Select(p => new { p.PersonalNumber, p.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        // Failed and voided cards first (each has a reason to act on), then the people with no photo.
        var failed = cards.Select(ToView).OrderBy(f => f.PersonalNumber, StringComparer.Ordinal).ToList();
        var known = failed.Select(f => f.PersonalNumber).ToHashSet(StringComparer.Ordinal);
        failed.AddRange(noPhoto.Where(p => !known.Contains(p.PersonalNumber)).OrderBy(p => p.PersonalNumber, StringComparer.Ordinal)
            .Select(p => new CardStatusView(p.PersonalNumber, PersonalDataMask.Name(p.Name), CardState.Collecting, NoPhoto, NoPhotoReason, null, null, null, now)));
        return failed;
    }

    /// <summary>State text of a person the card centre has no photo of (seed 000 四.1 "包含无照片人员").</summary>
    public const string NoPhoto = "无照片";

    public const string NoPhotoReason = "尚未提交照片，无法制卡：请提交本人近期证件照。";

    private static CardStatusView ToView(CardRecord c) => new(c.PersonalNumber, PersonalDataMask.Name(c.Person?.Name), c.State,
        CardStateMachine.ZhName(c.State), c.Reason, c.ProducedOn, c.ReadyForPickupOn, c.PickedUpAt, c.UpdatedAt);

    private static void Apply(CardRecord card, CardCentreResultRow row, DateTimeOffset now, string actor)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        switch (row.Status)
        {
            case CardCentreResultStatus.Ingested:
                card.Ingest(now, actor);
                break;
            case CardCentreResultStatus.Voided:
                card.Void(row.Reason ?? "作废", now, actor);
                break;
            case CardCentreResultStatus.Failed:
                if (card.State == CardState.SentToCardCentre)
                {
                    card.Ingest(now, actor);
                }

                card.FailProduction(row.Reason ?? "制卡失败", now, actor);
                break;
            case CardCentreResultStatus.Produced:
                if (card.State == CardState.SentToCardCentre)
                {
                    card.Ingest(now, actor); // the centre reports production without a separate ingest line
                }

                card.MarkProduced(row.ProductionDate ?? today, now, actor);
                break;
            case CardCentreResultStatus.PickedUp:
                // The centre reports the hand-over with the production date; walk the steps it implies.
                if (card.State == CardState.SentToCardCentre)
                {
                    card.Ingest(now, actor);
                }

                if (card.State == CardState.Ingested)
                {
                    card.MarkProduced(row.ProductionDate ?? today, now, actor);
                }

                if (card.State == CardState.Produced)
                {
                    card.MarkReadyForPickup(today, now, actor);
                }

                card.PickUp(now, actor);
                break;
            default:
                throw new SocialCardDomainException($"未知的制卡结果 {row.Status}。", $"Unknown card-centre status {row.Status}.");
        }
    }
}
