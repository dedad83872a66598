namespace SocialCard.Platform.Domain;

/// <summary>Shared sign-in state of staff and unit accounts: PBKDF2 hash, failures since the last success (for the
/// record; the delays between attempts live in <see cref="Limits.SignInThrottle"/>, there is no lock-out).</summary>
public abstract class Account
{
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

    /// <summary>Set by the lock-out of earlier versions; no longer set (kept so the column maps), cleared on success.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? LastSignInAt { get; private set; }

    /// <summary>Set when an administrator reset the password: the holder must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; private set; }

    /// <summary>Set by an administrator: the account cannot sign in (its sessions were ended) until enabled again.</summary>
    public bool Disabled { get; private set; }

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;

    /// <summary>Replaces the password hash; <paramref name="mustChange"/> marks a temporary password.</summary>
    public void ChangePasswordHash(string hash, bool mustChange = false)
    {
        PasswordHash = hash;
        MustChangePassword = mustChange;
    }

    /// <summary>Counts a failure since the last success.</summary>
    public void RecordFailure() => FailedAttempts++;

    public void RecordSuccess(DateTimeOffset now)
    {
        FailedAttempts = 0;
        LockedUntil = null;
        LastSignInAt = now;
    }
}
