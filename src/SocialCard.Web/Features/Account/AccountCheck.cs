namespace SocialCard.Web.Features.Account;

/// <summary>Result of a credential check: the outcome, who it is when it succeeded, and how long to wait when it was
/// throttled.</summary>
public sealed record AccountCheck(SignInOutcome Outcome, AccountIdentity? Identity)
{
    public static readonly AccountCheck Invalid = new(SignInOutcome.Invalid, null);

    public static readonly AccountCheck Disabled = new(SignInOutcome.Disabled, null);

    public TimeSpan RetryAfter { get; init; }

    public static AccountCheck Throttled(TimeSpan retryAfter) => new(SignInOutcome.Throttled, null) { RetryAfter = retryAfter };

    public static AccountCheck Success(AccountIdentity identity) => new(SignInOutcome.Succeeded, identity);
}
