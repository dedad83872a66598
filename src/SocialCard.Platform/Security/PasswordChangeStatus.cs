namespace SocialCard.Platform.Security;

/// <summary>Outcome of a password change.</summary>
public enum PasswordChangeStatus
{
    Changed = 0,

    /// <summary>The current password is wrong (or the account no longer exists: not told apart).</summary>
    WrongCurrent = 1,

    /// <summary>Too many recent wrong passwords for this account or address: not checked; try again after the delay.</summary>
    Throttled = 2,

    /// <summary>Shorter than <see cref="AccountPasswords.MinimumLength"/>.</summary>
    TooShort = 3,

    /// <summary>The same as the login name (ignoring case and surrounding spaces).</summary>
    SameAsLogin = 4,

    /// <summary>The same as the current password.</summary>
    SameAsCurrent = 5,
}
