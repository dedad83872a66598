namespace SocialCard.Web.Features.Account;

/// <summary>Result of a credential check: the outcome, and who it is when it succeeded.</summary>
public sealed record AccountCheck(SignInOutcome Outcome, AccountIdentity? Identity)
{
    public static readonly AccountCheck Invalid = new(SignInOutcome.Invalid, null);

    public static readonly AccountCheck LockedOut = new(SignInOutcome.LockedOut, null);

    public static AccountCheck Success(AccountIdentity identity) => new(SignInOutcome.Succeeded, identity);
}
