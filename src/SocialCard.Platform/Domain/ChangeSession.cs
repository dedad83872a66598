namespace SocialCard.Platform.Domain;

/// <summary>
/// A session of the 查询/修改 page: the keyed hash of a random token (the browser's cookie) bound to the application
/// found for an ID number, pending until the SMS code sent to the phone on file is verified. Kept in the database, so
/// any node continues it and a restart loses nothing; it expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class ChangeSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private ChangeSession()
    {
        TokenHash = [];
    }

    public ChangeSession(byte[] tokenHash, long? applicationId, DateTimeOffset now)
    {
        TokenHash = tokenHash;
        ApplicationId = applicationId;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public long Id { get; private set; }

    public byte[] TokenHash { get; private set; }

    /// <summary>Null when the ID number had no application (the page still asks for a code, revealing nothing).</summary>
    public long? ApplicationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public bool IsVerified => VerifiedAt is not null;

    public void MarkVerified(DateTimeOffset now) => VerifiedAt = now;
}
