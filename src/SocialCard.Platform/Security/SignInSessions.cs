using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCard.Platform.Storage;

namespace SocialCard.Platform.Security;

/// <summary>
/// Server-side record of signed-in browser sessions. Sign-in starts one and puts its random id into the cookie; every
/// request checks the id is still here (one primary-key read), so signing out ends the session on every node and a
/// copied cookie stops working with it. Only a keyed hash of the id is stored. A session also ends at its absolute
/// lifetime, however active.
/// </summary>
public sealed class SignInSessions(PlatformDatabase database, TimeProvider time)
{
    /// <summary>Starts a session for <paramref name="login"/> of <paramref name="audience"/> ("unit", "staff"); returns
    /// its id for the cookie.</summary>
    public async Task<string> StartAsync(string audience, string login, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(audience);
        ArgumentException.ThrowIfNullOrEmpty(login);
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(id);
        var created = now.ToUnixTimeMilliseconds();
        var expires = (now + lifetime).ToUnixTimeMilliseconds();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO sign_in_sessions (session_hash, audience, login, created_at, expires_at) VALUES ({hash}, {audience}, {login}, {created}, {expires})",
            cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Whether the session <paramref name="id"/> was started, has not ended and has not expired.</summary>
    public async Task<bool> IsActiveAsync(string? id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return false;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(id);
        return await db.Database.SqlQuery<long>($"SELECT expires_at AS \"Value\" FROM sign_in_sessions WHERE session_hash = {hash}")
            .AnyAsync(e => e > now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the session <paramref name="id"/> (sign-out).</summary>
    public async Task EndAsync(string? id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return;
        }

        await using var db = database.CreateDbContext();
        var hash = db.LookupHash(id);
        await db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_sessions WHERE session_hash = {hash}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends every session of <paramref name="login"/> (for example after a password change); returns how many.</summary>
    public async Task<int> EndAllAsync(string audience, string login, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        return await db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_sessions WHERE audience = {audience} AND login = {login}", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Ends every session of <paramref name="login"/> except <paramref name="keepId"/> (the one that changed the
    /// password); returns how many.</summary>
    public async Task<int> EndOthersAsync(string audience, string login, string? keepId, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateDbContext();
        var keep = db.LookupHash(keepId ?? string.Empty);
        return await db.Database.ExecuteSqlAsync(
                $"DELETE FROM sign_in_sessions WHERE audience = {audience} AND login = {login} AND session_hash <> {keep}", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Deletes expired sessions; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = database.CreateDbContext();
        return await db.Database.ExecuteSqlAsync($"DELETE FROM sign_in_sessions WHERE expires_at <= {now}", cancellationToken).ConfigureAwait(false);
    }
}
