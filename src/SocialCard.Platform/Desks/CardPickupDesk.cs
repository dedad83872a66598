using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Domain.Validation;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Desks;

/// <summary>
/// 领卡柜台: lists a unit's cards (its sub-units included) that are ready for pickup and hands them over to the
/// unit's clerk once the letter of introduction and the clerk's ID card are checked. The clerk's ID number is kept
/// only masked, in the audit event of the hand-over.
/// </summary>
public sealed class CardPickupDesk(PlatformDatabase database, TimeProvider time)
{
    public const string AuditAction = "card.pickup";

    public async Task<IReadOnlyList<PickupCard>> ReadyAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        HashSet<long> units = await UnitsAsync(db, unitCode, cancellationToken).ConfigureAwait(false);
        if (units.Count == 0)
        {
            return [];
        }

        var rows = await db.CardRecords.AsNoTracking()
            .Where(c => c.State == CardState.ReadyForPickup && c.Person!.UnitId != null && units.Contains(c.Person.UnitId.Value))
            .OrderBy(c => c.PersonalNumber)
            .Select(c => new { c.PersonalNumber, c.Person!.Name, UnitCode = c.Person.Unit!.Code, c.ReadyForPickupOn })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new PickupCard(r.PersonalNumber, PersonalDataMask.Name(r.Name), r.UnitCode, r.ReadyForPickupOn))];
    }

    /// <summary>Hands the chosen cards over; nothing changes unless every check passes and every card is ready.</summary>
    public async Task<ServiceResult<int>> HandOverAsync(PickupHandOver request, string staffActor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        DateTimeOffset now = time.GetUtcNow();
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.LetterReference) || !request.LetterStamped)
        {
            errors.Add(new ValidationError("letter", "请核验加盖单位公章的介绍信，并填写介绍信编号或日期。",
                "Check the unit's stamped letter of introduction and enter its reference or date."));
        }

        if (InputRules.Required(request.ClerkName, "clerkName", "经办人姓名", "clerk's name") is { } nameError)
        {
            errors.Add(nameError);
        }

        if (ResidentIdNumber.Validate(request.ClerkIdNumber, DateOnly.FromDateTime(now.UtcDateTime), out _, "clerkIdNumber") is { } idError)
        {
            errors.Add(idError);
        }

        List<string> numbers = [.. request.PersonalNumbers.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).Distinct(StringComparer.Ordinal)];
        if (numbers.Count == 0)
        {
            errors.Add(new ValidationError("numbers", "请勾选要领取的社保卡。", "Choose the cards being picked up."));
        }

        if (errors.Count > 0)
        {
            return ServiceResult.Fail<int>(errors);
        }

        await using PlatformDbContext db = database.CreateDbContext();
        HashSet<long> units = await UnitsAsync(db, request.UnitCode, cancellationToken).ConfigureAwait(false);
        List<CardRecord> cards = await db.CardRecords.Include(c => c.Person)
            .Where(c => numbers.Contains(c.PersonalNumber) && c.State == CardState.ReadyForPickup)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        cards = [.. cards.Where(c => c.Person?.UnitId is { } u && units.Contains(u))];
        List<string> missing = [.. numbers.Except(cards.Select(c => c.PersonalNumber), StringComparer.Ordinal)];
        if (missing.Count > 0)
        {
            string list = string.Join("、", missing);
            return ServiceResult.Fail<int>(new ValidationError("numbers", $"以下人员没有本单位可领取的社保卡：{list}。",
                $"No card of this unit is ready for pickup for: {string.Join(", ", missing)}."));
        }

        foreach (CardRecord card in cards)
        {
            card.PickUp(now, staffActor);
        }

        string clerk = $"{PersonalDataMask.Name(request.ClerkName.Trim())} {PersonalDataMask.IdNumber(request.ClerkIdNumber.Trim().ToUpperInvariant())}";
        db.AuditEvents.Add(new AuditEvent(now, staffActor, AuditAction, "unit", request.UnitCode,
            string.Create(CultureInfo.InvariantCulture, $"介绍信 {request.LetterReference.Trim()}；经办人 {clerk}；{cards.Count} 张：{string.Join(",", cards.Select(c => c.PersonalNumber))}")));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ServiceResult.Ok(cards.Count);
    }

    /// <summary>The unit with this code and every unit below it; empty when no unit has the code.</summary>
    private static async Task<HashSet<long>> UnitsAsync(PlatformDbContext db, string unitCode, CancellationToken cancellationToken)
    {
        string code = unitCode.Trim();
        long id = await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return id == 0 ? [] : await UnitTree.IdsAsync(db, id, cancellationToken).ConfigureAwait(false);
    }
}
