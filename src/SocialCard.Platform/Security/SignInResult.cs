namespace SocialCard.Platform.Security;

public enum SignInResult
{
    Succeeded = 0,

    /// <summary>Unknown login or wrong password (deliberately not told apart).</summary>
    Failed = 1,

    /// <summary>Too many recent failures for this login or address: not checked; try again after the delay.</summary>
    Throttled = 2,

    /// <summary>The right password, but the account is disabled or its unit (or a unit above it) is closed.</summary>
    Disabled = 3,
}
