namespace SocialCard.Web.Features.Account;

public enum SignInOutcome
{
    Succeeded,
    Invalid,

    /// <summary>Too many recent failures for this account or address: try again after a delay.</summary>
    Throttled,

    /// <summary>The right password, but the account is disabled or its unit closed: the holder is told whom to ask.</summary>
    Disabled,
}
