using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Drafts;

/// <summary>
/// The applicant wizard's drafts as <see cref="Application"/> rows in state Draft, found by the keyed hash of the
/// draft token the browser holds: any node continues a draft and a restart loses nothing. A draft exists only once the
/// identity step has found the person (an anonymous visit writes nothing); one idle longer than
/// <see cref="IdleLifetime"/> is gone (<see cref="DeleteStaleAsync"/> removes it).
/// </summary>
public sealed class ApplicationDraftService(PlatformDatabase database, TimeProvider time)
{
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(2);

    public async Task<ApplicationDraft?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(token);
        var row = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.DraftTokenHash == hash, cancellationToken).ConfigureAwait(false);
        if (row is null || row.WizardState is null || (row.State == ApplicationState.Draft && now - row.UpdatedAt > IdleLifetime))
        {
            return null;
        }

        return new ApplicationDraft(row.Id, row.PersonId, row.State, row.WizardState,
            await ImagesAsync(db, row, cancellationToken).ConfigureAwait(false), row.UpdatedAt ?? row.CreatedAt);
    }

    /// <summary>Saves the draft of <paramref name="token"/> for <paramref name="personId"/>; a draft of the token for another
    /// person (the applicant changed the ID number) is replaced. Returns the application id.</summary>
    public async Task<long> SaveAsync(string token, long personId, string wizardState, ApplicationDraftImages images,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(token);
        var row = await db.Applications.FirstOrDefaultAsync(a => a.DraftTokenHash == hash, cancellationToken).ConfigureAwait(false);
        if (row is not null && row.PersonId != personId && row.State == ApplicationState.Draft)
        {
            db.Applications.Remove(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            row = null;
        }

        if (row is null)
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false)
                ?? throw new SocialCardDomainException("申请人不存在。", "The applicant no longer exists.");
            row = Application.StartDraft(person, hash, now);
            db.Applications.Add(row);
        }

        row.SaveDraft(wizardState, images, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row.Id;
    }

    /// <summary>
    /// Continues the person's newest other live draft (begun on another device, or under a cookie since lost) under
    /// <paramref name="token"/>: the token's own draft row goes and the other row is re-keyed to the token, so the old
    /// cookie no longer reaches it. Call only once the applicant has proven the phone on file. Null when there is none.
    /// </summary>
    public async Task<ApplicationDraft?> AdoptOtherAsync(string token, long personId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var now = time.GetUtcNow();
        var cutoff = now - IdleLifetime;
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(token);
        var candidates = await db.Applications
            .Where(a => a.PersonId == personId && a.State == ApplicationState.Draft && a.WizardState != null && a.UpdatedAt >= cutoff)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var other = candidates.FirstOrDefault(a => a.DraftTokenHash is null || !a.DraftTokenHash.AsSpan().SequenceEqual(hash));
        if (other is null)
        {
            return null;
        }

        var dropped = await DraftFileKeysAsync(db.Applications.Where(a => a.DraftTokenHash == hash && a.State == ApplicationState.Draft), cancellationToken)
            .ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Applications.Where(a => a.DraftTokenHash == hash && a.State == ApplicationState.Draft)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Applications.Where(a => a.DraftTokenHash == hash)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.DraftTokenHash, (byte[]?)null), cancellationToken).ConfigureAwait(false);
        other.ContinueDraftUnder(hash, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await db.DeleteFilesAsync(dropped, CancellationToken.None).ConfigureAwait(false);
        return new ApplicationDraft(other.Id, other.PersonId, other.State, other.WizardState!, await ImagesAsync(db, other, cancellationToken).ConfigureAwait(false), now);
    }

    /// <summary>Drops the token's draft (nothing when it was submitted: the application stays, only the token is let go).</summary>
    public async Task DeleteAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(token);
        var drafts = db.Applications.Where(a => a.DraftTokenHash == hash && a.State == ApplicationState.Draft);
        var dropped = await DraftFileKeysAsync(drafts, cancellationToken).ConfigureAwait(false);
        await drafts.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.DeleteFilesAsync(dropped, CancellationToken.None).ConfigureAwait(false);
        await db.Applications.Where(a => a.DraftTokenHash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DraftTokenHash, (byte[]?)null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes drafts idle longer than <see cref="IdleLifetime"/>; returns how many.</summary>
    public async Task<int> DeleteStaleAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - IdleLifetime;
        await using var db = database.CreateDbContext();
        var stale = db.Applications.Where(a => a.State == ApplicationState.Draft && a.UpdatedAt < cutoff);
        var dropped = await DraftFileKeysAsync(stale, cancellationToken).ConfigureAwait(false);
        var deleted = await stale.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.DeleteFilesAsync(dropped, CancellationToken.None).ConfigureAwait(false);
        return deleted;
    }

    /// <summary>The draft's images, read from the file store.</summary>
    private static async Task<ApplicationDraftImages> ImagesAsync(PlatformDbContext db, Application row, CancellationToken ct) =>
        new(await db.ReadFileAsync(row.DraftPhotoKey, ct).ConfigureAwait(false),
            await db.ReadFileAsync(row.DraftPhotoOriginalKey, ct).ConfigureAwait(false),
            await db.ReadFileAsync(row.IdFrontKey, ct).ConfigureAwait(false),
            await db.ReadFileAsync(row.IdBackKey, ct).ConfigureAwait(false));

    /// <summary>The file keys of the drafts about to be deleted (their files go after the rows).</summary>
    private static async Task<List<string>> DraftFileKeysAsync(IQueryable<Application> drafts, CancellationToken ct)
    {
        var rows = await drafts.Select(a => new[] { a.DraftPhotoKey, a.DraftPhotoOriginalKey, a.IdFrontKey, a.IdBackKey })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.SelectMany(r => r).OfType<string>()];
    }
}
