using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SocialCard.Web.Features.Wizard;

/// <summary>
/// Sessions of the 查询/修改 page: a random token (cookie) bound to one application, pending until the SMS code to the
/// application's phone is verified, then valid for <see cref="Lifetime"/>. Process-local like the wizard drafts.
/// </summary>
public sealed class ChangeSessionStore(TimeProvider clock)
{
    public const string CookieName = ".SocialCard.Change";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, ChangeSession> _sessions = new(StringComparer.Ordinal);

    public ChangeSession Start(long? applicationId, string? phone)
    {
        DateTimeOffset now = clock.GetUtcNow();
        foreach (KeyValuePair<string, ChangeSession> pair in _sessions)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _sessions.TryRemove(pair.Key, out _);
            }
        }

        var session = new ChangeSession(Convert.ToHexString(RandomNumberGenerator.GetBytes(18)), applicationId, phone, now + Lifetime);
        _sessions[session.Token] = session;
        return session;
    }

    public ChangeSession? Find(string? token) =>
        token is not null && _sessions.TryGetValue(token, out ChangeSession? session) && session.ExpiresAt > clock.GetUtcNow() ? session : null;

    public void End(string token) => _sessions.TryRemove(token, out _);
}

/// <summary>One change session; <see cref="Verified"/> flips when the SMS code matched.</summary>
public sealed class ChangeSession(string token, long? applicationId, string? phone, DateTimeOffset expiresAt)
{
    public string Token { get; } = token;

    /// <summary>Null when the ID number had no application (the page still asks for a code, revealing nothing).</summary>
    public long? ApplicationId { get; } = applicationId;

    public string? Phone { get; } = phone;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public bool Verified { get; set; }
}
