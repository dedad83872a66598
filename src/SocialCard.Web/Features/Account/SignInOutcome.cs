namespace SocialCard.Web.Features.Account;

public enum SignInOutcome
{
    Succeeded,
    Invalid,

    /// <summary>Too many recent failures for this account or address: try again after a delay.</summary>
    Throttled,
}
