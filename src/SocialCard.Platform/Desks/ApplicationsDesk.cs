using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Audit;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Security;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Desks;

/// <summary>
/// 申领受理: the centre's read side of the applications the wizard collects. Lists are masked; opening one in full
/// or looking at its ID-card images writes an audit event first, so no read happens without its trace. Drafts are
/// the applicant's own until submitted and are not listed.
/// </summary>
public sealed class ApplicationsDesk(PlatformDatabase database, TimeProvider time)
{
    public const string ViewedAction = "application.view";
    public const string ExportedAction = "application.export";

    /// <summary>Submitted (and handed-over) applications, newest first; optionally one state or one personal number.</summary>
    public async Task<(IReadOnlyList<ApplicationListItem> Rows, int Total)> ListAsync(ApplicationState? state, string? personalNumber, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        IQueryable<Application> query = db.Applications.AsNoTracking().Where(a => a.State != ApplicationState.Draft);
        if (state is { } s)
        {
            query = query.Where(a => a.State == s);
        }

        if (!string.IsNullOrWhiteSpace(personalNumber))
        {
            string number = personalNumber.Trim();
            query = query.Where(a => a.Person!.PersonalNumber == number);
        }

        int total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await query.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Id, a.Person!.PersonalNumber, a.Person.Name, a.Person.IdNumber, UnitCode = a.Person.Unit!.Code, a.State, a.SubmittedAt,
                HasImages = a.IdFrontKey != null && a.IdBackKey != null,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return ([.. rows.Select(r => new ApplicationListItem(r.Id, r.PersonalNumber, PersonalDataMask.Name(r.Name), PersonalDataMask.IdNumber(r.IdNumber),
            r.UnitCode, r.State, r.SubmittedAt, r.HasImages))], total);
    }

    /// <summary>The application in full; audited. Null for a draft or an unknown id.</summary>
    public async Task<ApplicationReview?> OpenAsync(long applicationId, string staffActor, CancellationToken cancellationToken = default)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        Application? a = await db.Applications.AsNoTracking().Include(x => x.Person).ThenInclude(p => p!.Unit)
            .SingleOrDefaultAsync(x => x.Id == applicationId && x.State != ApplicationState.Draft, cancellationToken).ConfigureAwait(false);
        if (a?.Person is not { } p)
        {
            return null;
        }

        await AuditAsync(db, staffActor, ViewedAction, a.Id, null, cancellationToken).ConfigureAwait(false);
        return Review(a, p);
    }

    /// <summary>One side of the ID card (front or back); audited. Null when there is none.</summary>
    public async Task<byte[]?> IdImageAsync(long applicationId, bool front, string staffActor, CancellationToken cancellationToken = default)
    {
        await using PlatformDbContext db = database.CreateDbContext();
        string? key = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId && a.State != ApplicationState.Draft)
            .Select(a => front ? a.IdFrontKey : a.IdBackKey).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        byte[]? image = await db.ReadFileAsync(key, cancellationToken).ConfigureAwait(false);
        if (image is not null)
        {
            await AuditAsync(db, staffActor, ViewedAction, applicationId, front ? "身份证正面" : "身份证背面", cancellationToken).ConfigureAwait(false);
        }

        return image;
    }

    /// <summary>Every application submitted in the period (China dates, inclusive) for the export file; audited.</summary>
    public async Task<IReadOnlyList<ApplicationReview>> ExportAsync(DateOnly from, DateOnly to, string staffActor, CancellationToken cancellationToken = default)
    {
        var offset = TimeSpan.FromHours(8);
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), offset);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), offset);
        await using PlatformDbContext db = database.CreateDbContext();
        List<long> ids = await db.Applications.AsNoTracking()
            .Where(a => a.State != ApplicationState.Draft && a.SubmittedAt >= start && a.SubmittedAt < end)
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ApplicationReview>(ids.Count);
        foreach (long id in ids)
        {
            Application a = await db.Applications.AsNoTracking().Include(x => x.Person).ThenInclude(p => p!.Unit)
                .SingleAsync(x => x.Id == id, cancellationToken).ConfigureAwait(false);
            rows.Add(Review(a, a.Person!));
        }

        await AuditAsync(db, staffActor, ExportedAction, 0, string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}: {rows.Count}"), cancellationToken)
            .ConfigureAwait(false);
        return rows;
    }

    private static ApplicationReview Review(Application a, Person p) =>
        new(a.Id, a.State, p.PersonalNumber, p.Name, p.IdType, PersonalDataMask.IdNumber(p.IdNumber), p.Phone, p.Unit?.Code, p.Unit?.Name,
            a.IdIssuingAuthority, a.IdValidFrom, a.IdValidUntil, a.IdValidLongTerm, a.HouseholdAddress, a.ResidentialAddress, a.PostalCode,
            a.OccupationCode, a.EducationCode, a.BankCode, a.BankBranch, a.PhotoId, a.IdFrontKey is not null && a.IdBackKey is not null,
            a.SubmittedAt, a.EditableUntil, a.HandedOverAt);

    private async Task AuditAsync(PlatformDbContext db, string actor, string action, long applicationId, string? detail, CancellationToken cancellationToken)
    {
        db.AuditEvents.Add(new AuditEvent(time.GetUtcNow(), actor, action, "application",
            applicationId == 0 ? "*" : applicationId.ToString(CultureInfo.InvariantCulture), detail));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
