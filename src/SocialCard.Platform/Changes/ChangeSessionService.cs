using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Domain;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Changes;

/// <summary>
/// The 查询/修改 page's sessions (<see cref="ChangeSession"/>), in the database and found by the keyed hash of the token
/// the browser holds: started for the application of an ID number (or none), verified once the code sent to the phone
/// on file matched, ended by the applicant or by time. Expired ones are deleted by the draft-expiry job.
/// </summary>
public sealed class ChangeSessionService(PlatformDatabase database, TimeProvider time)
{
    /// <summary>Starts a session for <paramref name="applicationId"/>; returns the token for the browser.</summary>
    public async Task<string> StartAsync(long? applicationId, CancellationToken cancellationToken = default)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(18));
        await using var db = database.CreateDbContext();
        db.ChangeSessions.Add(new ChangeSession(db.LookupHash(token), applicationId, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The live session of <paramref name="token"/>, or null (none, or expired).</summary>
    public async Task<ChangeSession?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(token);
        var session = await db.ChangeSessions.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        return session is not null && session.ExpiresAt > now ? session : null;
    }

    /// <summary>Marks the session verified (the code sent to the phone on file matched); false when it is gone.</summary>
    public async Task<bool> MarkVerifiedAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(token);
        var session = await db.ChangeSessions.FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        if (session is null || session.ExpiresAt <= now)
        {
            return false;
        }

        session.MarkVerified(now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task EndAsync(string token, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(token);
        await db.ChangeSessions.Where(s => s.TokenHash == hash).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes expired sessions; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        return await db.ChangeSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
