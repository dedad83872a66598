namespace SocialCard.Platform.Security;

/// <summary>The answer to one sign-in: the result, the account when it succeeded, and how long to wait when it was
/// <see cref="SignInResult.Throttled"/>.</summary>
public sealed record SignInAttempt<TAccount>(SignInResult Result, TAccount? Account, TimeSpan RetryAfter)
    where TAccount : class;
