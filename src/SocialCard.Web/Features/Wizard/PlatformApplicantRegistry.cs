using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Web.Features.Wizard;

/// <summary><see cref="IApplicantRegistry"/> over the Platform database (exact ID lookups go through the keyed hash).</summary>
public sealed class PlatformApplicantRegistry(PlatformDatabase database) : IApplicantRegistry
{
    public async Task<RegistryPerson?> FindPersonAsync(IdType idType, string countryCode, string idNumber, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        Person? person = await FindPersonEntityAsync(db, idType, countryCode, idNumber, cancellationToken).ConfigureAwait(false);
        if (person is null || string.IsNullOrWhiteSpace(person.SocialSecurityNumber))
        {
            return null; // seed 004: no social security number = not found, call 028-86245818
        }

        bool hasPhoto = await db.Photos.AnyAsync(p => p.PersonId == person.Id && p.Verdict == PhotoVerdict.Passed, cancellationToken)
            .ConfigureAwait(false);
        Unit? root = person.Unit;
        while (root?.Parent is not null)
        {
            root = root.Parent;
        }

        // After a first application the person's unit is the work unit; the insured unit is the one recorded then.
        long? insuredId = await db.Applications.Where(a => a.PersonId == person.Id && a.SubmittedAt != null)
            .OrderByDescending(a => a.Id).Select(a => a.InsuredUnitId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (insuredId is { } recordedId && await LoadUnitAsync(db, recordedId, cancellationToken).ConfigureAwait(false) is { } recorded)
        {
            root = recorded;
        }

        return new RegistryPerson(person.Id, person.SocialSecurityNumber, person.PersonalNumber, person.Name, person.Gender,
            person.Nationality, root is null ? null : ToChoice(root), person.Unit is null ? null : ToChoice(person.Unit), hasPhoto, person.Phone);
    }

    public async Task<IReadOnlyList<UnitChoice>> SearchUnitsAsync(string query, int limit, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        List<Unit> units = await db.Units
            .Where(u => u.Level == 1 && (u.Name.Contains(query) || u.Code.Contains(query)))
            .OrderBy(u => u.Name).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. units.Select(ToChoice)];
    }

    public async Task<IReadOnlyList<UnitChoice>> ChildUnitsAsync(long parentId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        List<Unit> units = await db.Units.Include(u => u.Parent).ThenInclude(p => p!.Parent)
            .Where(u => u.ParentId == parentId).OrderBy(u => u.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. units.Select(ToChoice)];
    }

    public async Task<UnitChoice?> GetUnitAsync(long id, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        Unit? unit = await LoadUnitAsync(db, id, cancellationToken).ConfigureAwait(false);
        return unit is null ? null : ToChoice(unit);
    }

    public async Task<byte[]?> PhotoOnFileAsync(long personId, CancellationToken cancellationToken)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        Photo? photo = await db.Photos.Where(p => p.PersonId == personId && p.Verdict == PhotoVerdict.Passed)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return await db.ReadFileAsync(photo?.CardVersionKey, cancellationToken).ConfigureAwait(false);
    }

    internal static Task<Person?> FindPersonEntityAsync(PlatformDbContext db, IdType idType, string countryCode, string idNumber,
        CancellationToken cancellationToken)
    {
        byte[] hash = db.LookupHash(idNumber.Trim().ToUpperInvariant());
        string country = countryCode.Trim().ToUpperInvariant();
        return db.People
            .Include(p => p.Unit).ThenInclude(u => u!.Parent).ThenInclude(u => u!.Parent)
            .FirstOrDefaultAsync(p => p.IdType == idType && p.CountryCode == country && p.IdNumberHash == hash, cancellationToken);
    }

    internal static Task<Unit?> LoadUnitAsync(PlatformDbContext db, long id, CancellationToken cancellationToken) =>
        db.Units.Include(u => u.Parent).ThenInclude(p => p!.Parent).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    internal static UnitChoice ToChoice(Unit unit)
    {
        (string BankCode, string? Branch)? bank = unit.ResolveBank();
        return new UnitChoice(unit.Id, unit.Code, unit.Name, unit.Level, unit.ParentId, bank?.BankCode, bank?.Branch);
    }
}
