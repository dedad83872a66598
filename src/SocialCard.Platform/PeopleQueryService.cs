using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform;

/// <summary>Staff look-ups of people. Lists are masked; opening a record in full writes a person.view audit event in
/// the same transaction as nothing else, so the read cannot happen without its trace.</summary>
public sealed class PeopleQueryService(PlatformDatabase database, TimeProvider time)
{
    /// <summary>Exact look-up by ID number through the keyed hash column.</summary>
    public async Task<PersonDetail?> FindByIdNumberAsync(string idNumber, string staffActor, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(idNumber);
        var id = await db.People.Where(p => p.IdNumberHash == hash).Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), staffActor, AuditActions.PersonSearched, "person",
            id?.ToString(CultureInfo.InvariantCulture) ?? "-", "by id number " + PersonalDataMask.IdNumber(idNumber)));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return id is null ? null : await GetAsync(id.Value, staffActor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full record; audited.</summary>
    public async Task<PersonDetail?> GetAsync(long personId, string staffActor, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var p = await db.People.AsNoTracking().SingleOrDefaultAsync(x => x.Id == personId, cancellationToken).ConfigureAwait(false);
        if (p is null)
        {
            return null;
        }

        await db.Units.LoadAsync(cancellationToken).ConfigureAwait(false);
        var unit = p.UnitId is { } uid ? db.Units.Local.FirstOrDefault(u => u.Id == uid) : null;
        var bank = unit?.ResolveBank();
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), staffActor, AuditActions.PersonViewed, "person", p.Id.ToString(CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new PersonDetail(p.Id, p.IdType, p.IdNumber, p.CountryCode, p.SocialSecurityNumber, p.PersonalNumber, p.Name, p.Gender, p.BirthDate,
            p.Nationality, p.Phone, unit?.Code, unit?.Name, bank?.BankCode, bank?.Branch);
    }

    /// <summary>A page of a unit's people (including its sub-units), masked, ordered by personal number.</summary>
    public async Task<IReadOnlyList<PersonListItem>> ListUnitPeopleAsync(long unitId, int page, int pageSize, string actor,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        await using var db = database.CreateDbContext();
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = await UnitTree.IdsAsync(db, unitId, cancellationToken).ConfigureAwait(false);

        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        var people = await db.People.AsNoTracking().Where(p => p.UnitId != null && ids.Contains(p.UnitId.Value))
            .OrderBy(p => p.PersonalNumber).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, AuditActions.PersonSearched, "unit", unitId.ToString(CultureInfo.InvariantCulture),
            $"list page={page}; rows={people.Count}"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return people.Select(p => new PersonListItem(p.Id, p.PersonalNumber, PersonalDataMask.Name(p.Name), PersonalDataMask.IdNumber(p.IdNumber),
            PersonalDataMask.Phone(p.Phone), p.UnitId is { } u ? codes.GetValueOrDefault(u) : null)).ToList();
    }
}
