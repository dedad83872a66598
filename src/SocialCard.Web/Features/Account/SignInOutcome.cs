namespace SocialCard.Web.Features.Account;

public enum SignInOutcome
{
    Succeeded,
    Invalid,
    LockedOut,
}
