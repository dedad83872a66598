namespace SocialCard.Platform.Security;

public enum SignInResult
{
    Succeeded = 0,

    /// <summary>Unknown login or wrong password (deliberately not told apart).</summary>
    Failed = 1,

    /// <summary>Too many failures; try again after the lock-out.</summary>
    LockedOut = 2,
}
