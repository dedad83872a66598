namespace SocialCard.Platform.Domain;

/// <summary>Shared sign-in state of staff and unit accounts: PBKDF2 hash, failed-attempt counter, lock-out.</summary>
public abstract class Account
{
    /// <summary>Failed attempts before a lock-out.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>Length of a lock-out.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    protected Account()
    {
        LoginName = string.Empty;
        PasswordHash = string.Empty;
    }

    protected Account(string loginName, string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(loginName);
        LoginName = loginName;
        PasswordHash = passwordHash;
    }

    public long Id { get; private set; }

    public string LoginName { get; private set; }

    /// <summary>See <see cref="Security.PasswordHasher"/> for the format.</summary>
    public string PasswordHash { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? LastSignInAt { get; private set; }

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && now < until;

    public void ChangePasswordHash(string hash) => PasswordHash = hash;

    /// <summary>Counts a failure; returns true when this failure locked the account.</summary>
    public bool RecordFailure(DateTimeOffset now)
    {
        FailedAttempts++;
        if (FailedAttempts >= MaxFailedAttempts)
        {
            LockedUntil = now + LockoutDuration;
            FailedAttempts = 0;
            return true;
        }

        return false;
    }

    public void RecordSuccess(DateTimeOffset now)
    {
        FailedAttempts = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }
}
